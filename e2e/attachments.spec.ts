import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { testPng } from "../server/evidence/testing/test-images";
import { joinWorkspace, signUp, UUID, unique } from "./support/people";

// Images on an observation: an analyst attaches one with a caption, a non-image is refused with a
// message, and a viewer who has the observation open sees the image arrive and go live (the
// library's Socket.io updates), without any upload or remove controls of their own.

async function createWorkspace(page: Page, run: string): Promise<string> {
  await page.getByLabel("Workspace name", { exact: true }).fill(`Imagery desk ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

/** A source and an observation citing it, through the REST API with the page's session. */
async function createObservation(page: Page, workspaceId: string): Promise<string> {
  const api = `/api/v1/workspaces/${workspaceId}`;
  const source = await page.request.post(`${api}/sources`, {
    data: { publisher: "CSIS Beyond Parallel", type: "think_tank_analysis", reliability: "B" },
  });
  expect(source.status()).toBe(201);
  const observation = await page.request.post(`${api}/observations`, {
    data: {
      summary: "About 50 rail cars at the Tikhoretsk depot",
      observed: { precision: "month", month: "2024-04" },
      credibility: 2,
      sourceIds: [((await source.json()) as { id: string }).id],
    },
  });
  expect(observation.status()).toBe(201);
  return ((await observation.json()) as { id: string }).id;
}

test("an analyst attaches and removes an image; a viewer sees it live", async ({ browser, baseURL }) => {
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const ana = await signUp(browser, baseURL, { name: "Ana Analyst", email: `ana-a-${run}@e2e.parallax.test` });
    contexts.push(ana.context);
    const workspaceId = await createWorkspace(ana.page, run);
    const observationId = await createObservation(ana.page, workspaceId);
    const vic = await signUp(browser, baseURL, { name: "Vic Viewer", email: `vic-a-${run}@e2e.parallax.test` });
    contexts.push(vic.context);
    await joinWorkspace(ana.page, vic.page, workspaceId, "viewer");

    const path = `/w/${workspaceId}/library/observations/${observationId}`;
    await vic.page.goto(path);
    const viewerSection = vic.page.getByRole("region", { name: "Attachments" });
    await expect(viewerSection.getByText("No images attached.")).toBeVisible();
    await expect(viewerSection.getByRole("form", { name: "Attach an image" })).toHaveCount(0);

    const page = ana.page;
    await page.goto(path);
    const section = page.getByRole("region", { name: "Attachments" });
    const form = section.getByRole("form", { name: "Attach an image" });

    // Something that only calls itself a PNG is refused with the reason.
    await form.getByLabel("Image").setInputFiles({
      name: "photo.png",
      mimeType: "image/png",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await form.getByRole("button", { name: "Upload image" }).click();
    await expect(form.getByRole("alert")).toContainText("not a PNG, JPEG, GIF or WebP image");
    // So is a file of magic bytes alone, which would show as a broken image.
    await form
      .getByLabel("Image")
      .setInputFiles({ name: "tiny.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
    await form.getByRole("button", { name: "Upload image" }).click();
    await expect(form.getByRole("alert")).toContainText(
      "The image's width and height cannot be read: the file is not a complete GIF image.",
    );

    await form.getByLabel("Image").setInputFiles({
      name: "tikhoretsk.png",
      mimeType: "image/png",
      buffer: Buffer.from(testPng(24, 16)),
    });
    await form.getByLabel(/Caption/).fill("Rail cars, April 2024");
    await form.getByRole("button", { name: "Upload image" }).click();
    await expect(form.getByRole("status")).toHaveText("Image attached.");
    const image = section.getByRole("img", { name: "Rail cars, April 2024" });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(24);
    // A file under 1 KiB is labelled with its size in bytes.
    await expect(section.getByText(`tikhoretsk.png · ${testPng(24, 16).byteLength} bytes`)).toBeVisible();

    // The viewer's open page follows without a reload, and the image loads for them too.
    const seen = viewerSection.getByRole("img", { name: "Rail cars, April 2024" });
    await expect(seen).toBeVisible();
    await expect.poll(() => seen.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(24);
    await expect(viewerSection.getByRole("button", { name: /Remove/ })).toHaveCount(0);

    await section.getByRole("button", { name: "Remove image Rail cars, April 2024" }).click();
    await page
      .getByRole("dialog", { name: "Remove this image?" })
      .getByRole("button", { name: "Remove image" })
      .click();
    await expect(section.getByText("No images attached.")).toBeVisible();
    await expect(viewerSection.getByText("No images attached.")).toBeVisible();

    // The history records both changes.
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByRole("row")).toHaveCount(4);
    await expect(history).toContainText("Image attached");
    await expect(history).toContainText("Image removed");
    // Each revision names the image it attached or removed.
    await expect(history.getByRole("row").nth(1)).toContainText("removed “tikhoretsk.png”");
    await expect(history.getByRole("row").nth(2)).toContainText("attached “tikhoretsk.png”");
  } finally {
    for (const context of contexts) await context.close();
  }
});
