import { type BrowserContext, expect, test } from "@playwright/test";
import { createAssessment, editorOf, joinWorkspace, signUp, unique } from "./support/people";

// The editor's toolbar and status as two analysts meet them: Undo and Redo buttons that undo
// only one's own edits, like the keys, and a status pill that says what it means.

test("the toolbar's Undo and Redo undo only this user's edits, and are disabled with nothing to undo", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-u-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Undo desk", run);
    const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-u-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");
    await blake.page.goto(assessmentPath);

    const toolbar = avery.page.getByRole("toolbar", { name: "Formatting" });
    const undo = toolbar.getByRole("button", { name: "Undo" });
    const redo = toolbar.getByRole("button", { name: "Redo" });
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await expect(undo).toHaveAttribute("aria-keyshortcuts", /Control\+Z/);
    await expect(undo).toHaveAttribute("title", "Undo (Ctrl/⌘+Z)");
    await expect(redo).toHaveAttribute("aria-keyshortcuts", /Control\+Shift\+Z/);
    await expect(undo).toBeDisabled();
    await expect(redo).toBeDisabled();

    // Avery writes a line, then Blake writes one below it.
    const averyEditor = editorOf(avery.page);
    const blakeEditor = editorOf(blake.page);
    await averyEditor.click();
    await avery.page.keyboard.insertText("Avery's line.");
    await expect(undo).toBeEnabled();
    await expect(blakeEditor).toContainText("Avery's line.");
    await blakeEditor.click();
    await blake.page.keyboard.press("Control+End");
    await blake.page.keyboard.press("Enter");
    await blake.page.keyboard.insertText("Blake's line.");
    await expect(averyEditor).toContainText("Blake's line.");

    // Avery's Undo takes back Avery's line only, for both; then there is nothing left to undo.
    await undo.click();
    for (const editor of [averyEditor, blakeEditor]) {
      await expect(editor).not.toContainText("Avery's line.");
      await expect(editor).toContainText("Blake's line.");
    }
    await expect(undo).toBeDisabled();

    // Redo puts it back, and is then disabled.
    await expect(redo).toBeEnabled();
    await redo.click();
    await expect(blakeEditor).toContainText("Avery's line.");
    await expect(averyEditor).toContainText("Blake's line.");
    await expect(redo).toBeDisabled();
    await expect(undo).toBeEnabled();
  } finally {
    for (const context of contexts) await context.close();
  }
});

test("the status pill explains what Live and Saved mean, to the pointer, the keyboard and screen readers", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-s-${run}@e2e.parallax.test` });
  try {
    const page = avery.page;
    await createAssessment(page, "Status desk", run);
    const live = page.getByRole("status", { name: "Document status: Live" });
    await expect(live).toHaveAccessibleDescription(/connected and up to date/i);
    await expect(page.getByRole("tooltip")).toHaveCount(0);
    await live.hover();
    await expect(page.getByRole("tooltip")).toContainText("you have not changed anything since opening");

    await editorOf(page).click();
    await page.keyboard.insertText("Tikhoretsk is busy.");
    const saved = page.getByRole("status", { name: "Document status: Saved" });
    await expect(saved).toHaveAccessibleDescription(/every change you made is stored on the server/i);
    // From the keyboard: the pill takes focus and shows the same explanation.
    await saved.focus();
    await expect(page.getByRole("tooltip")).toContainText("every change you made is stored on the server");
  } finally {
    await avery.context.close();
  }
});
