import { expect, test } from "@playwright/test";
import { createAssessment, editorOf, joinWorkspace, signUp, unique } from "./support/people";

// Edits the server refuses for good: made offline by an analyst whose role dropped to viewer
// meanwhile. They are explained, can be copied, never come back from the offline copy after a
// reload, and never reach the shared document when the role comes back.

test("edits made offline by someone now a viewer are refused, explained, and never come back", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-f-${run}@e2e.parallax.test` });
  const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-f-${run}@e2e.parallax.test` });
  try {
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Refusal desk", run);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");
    const blakeId = ((await (await blake.page.request.get("/api/v1/me")).json()) as { user: { id: string } }).user.id;
    const setBlakeRole = async (role: "analyst" | "viewer") => {
      const changed = await avery.page.request.patch(`/api/v1/workspaces/${workspaceId}/members/${blakeId}`, {
        data: { role },
      });
      expect(changed.status(), await changed.text()).toBe(200);
    };
    const blakeStatus = (name: string) => blake.page.getByRole("status", { name: `Document status: ${name}` });
    await blake.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    // Leaving a page with unsaved edits asks first; this test reloads on purpose.
    blake.page.on("dialog", (dialog) => void dialog.accept());

    await editorOf(avery.page).click();
    await avery.page.keyboard.type("Shared intro.");
    await blake.page.goto(assessmentPath);
    await expect(editorOf(blake.page)).toHaveText("Shared intro.");

    await blake.context.setOffline(true);
    await expect(blakeStatus("Offline")).toBeVisible();
    await editorOf(blake.page).click();
    await blake.page.keyboard.press("Control+End");
    await blake.page.keyboard.type(" Offline work.");
    await setBlakeRole("viewer");
    await blake.context.setOffline(false);

    const notice = blake.page.getByRole("alert").filter({ hasText: "were not saved: your role is now viewer" });
    await expect(notice).toContainText("They are not in the shared document");
    await expect(blakeStatus("Not saved")).toBeVisible();
    await expect(editorOf(blake.page)).toHaveAttribute("contenteditable", "false");
    await notice.getByRole("button", { name: "Copy my version of the text" }).click();
    await expect(notice).toContainText("Copied.");
    expect(await blake.page.evaluate(() => navigator.clipboard.readText())).toBe("Shared intro. Offline work.");

    // A reload shows the shared text, not the refused copy from IndexedDB.
    await blake.page.reload();
    await expect(blakeStatus("Live")).toBeVisible();
    await expect(editorOf(blake.page)).toHaveText("Shared intro.");
    await expect(notice).toHaveCount(0);

    // The role comes back: Blake's next visit sends nothing (the pill would say Saving, then Saved).
    await setBlakeRole("analyst");
    await blake.page.reload();
    await expect(blakeStatus("Live")).toBeVisible();
    await expect(editorOf(blake.page)).toHaveText("Shared intro.");
    await avery.page.reload();
    await expect(editorOf(avery.page)).toHaveText("Shared intro.");
  } finally {
    await avery.context.close();
    await blake.context.close();
  }
});
