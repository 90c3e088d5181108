import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { createAssessment, editorOf, joinWorkspace, signUp, unique } from "./support/people";

// Exports in a real browser: a version frozen when the assessment is sent for review is opened
// at its address and downloaded as DOCX and PDF from the Export buttons; the files hold the
// judgement with its likelihood and the TLP marking.

const STATEMENT = "Tikhoretsk is likely to remain the main transfer point for munitions sent to Russia.";

/** Clicks an Export button and returns the downloaded file's name and bytes. */
async function download(page: Page, format: "DOCX" | "PDF") {
  const group = page.getByRole("group", { name: "Export this version" });
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    group.getByRole("button", { name: format }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test("a member downloads a version as DOCX and PDF with its judgement and TLP marking", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const run = unique();
  const owner = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-x-${run}@e2e.parallax.test` });
  const reviewer = await signUp(browser, baseURL, { name: "Rey Reviewer", email: `rey-x-${run}@e2e.parallax.test` });
  try {
    const { workspaceId, assessmentPath, assessmentId } = await createAssessment(owner.page, "Export desk", run);
    await joinWorkspace(owner.page, reviewer.page, workspaceId, "reviewer");
    const editor = editorOf(owner.page);
    await expect(owner.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editor.click();
    await owner.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await owner.page.keyboard.type(STATEMENT);
    await editor.getByRole("combobox", { name: "Likelihood" }).selectOption("likely");
    await editor.getByRole("combobox", { name: "Confidence" }).selectOption("moderate");
    // The text must be stored before it is frozen: wait until the server's projection has the confidence.
    await expect
      .poll(async () => {
        const listed = await owner.page.request.get(`/api/v1/assessments/${assessmentId}/judgements`);
        return ((await listed.json()) as { confidence: string | null }[])[0]?.confidence ?? null;
      })
      .toBe("moderate");

    // Sending it for review freezes version 1 (docs/history.md).
    const me = (await (await reviewer.page.request.get("/api/v1/me")).json()) as { user: { id: string } };
    const requested = await owner.page.request.post(`/api/v1/assessments/${assessmentId}/review-requests`, {
      data: { reviewerIds: [me.user.id] },
    });
    expect(requested.status(), await requested.text()).toBe(201);

    await owner.page.goto(`${assessmentPath}/versions/1`);
    const docx = await download(owner.page, "DOCX");
    expect(docx.name).toBe(`tikhoretsk-${run.toLowerCase()}-v1.docx`);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.bytes });
    expect(text).toContain(STATEMENT);
    expect(text).toContain("Likelihood: likely (55–80%). Confidence: moderate.");
    expect(text).toContain("TLP:AMBER");

    const pdf = await download(owner.page, "PDF");
    expect(pdf.name).toBe(`tikhoretsk-${run.toLowerCase()}-v1.pdf`);
    const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf.bytes)), { mergePages: false });
    for (const page of pages) expect(page).toContain("TLP:AMBER");
    expect(pages.join(" ").replace(/\s+/g, " ")).toContain("Likelihood: likely (55–80%)");
    // Next's route announcer is an alert too: look for the export's own message.
    await expect(owner.page.getByRole("alert").filter({ hasText: "Export failed" })).toHaveCount(0);
  } finally {
    await owner.context.close();
    await reviewer.context.close();
  }
});
