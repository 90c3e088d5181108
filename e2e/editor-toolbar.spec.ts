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

// Underline, strikethrough, inline code and quotes, as a Google Docs user makes and removes them.
const FORMATS = [
  { button: "Underline", tag: "u", keys: "Control+U", tooltip: "Underline (Ctrl/⌘+U)", line: "About 50 rail cars." },
  {
    button: "Strikethrough",
    tag: "s",
    keys: "Control+Shift+S",
    tooltip: "Strikethrough (Ctrl/⌘+Shift+S)",
    line: "About 60 rail cars.",
  },
  { button: "Inline code", tag: "code", keys: "Control+E", tooltip: "Inline code (Ctrl/⌘+E)", line: "rail_cars = 50" },
  {
    button: "Quote",
    tag: "blockquote",
    keys: "Control+Shift+B",
    tooltip: "Quote (Ctrl/⌘+Shift+B)",
    line: "Over half of the storage areas in use.",
  },
] as const;

test("underline, strikethrough, inline code and quotes are made and removed from the toolbar and the keys, and kept", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-f-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Format desk", run);
    const page = avery.page;
    const toolbar = page.getByRole("toolbar", { name: "Formatting" });
    const editor = editorOf(page);
    const formatted = (tag: string) => editor.locator(tag);
    await expect(page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    for (const format of FORMATS) {
      const button = toolbar.getByRole("button", { name: format.button, exact: true });
      await expect(button).toHaveAttribute("title", format.tooltip);
      await expect(button).toHaveAttribute("aria-keyshortcuts", new RegExp(`^${format.keys.replaceAll("+", "\\+")} `));
      await expect(button).toHaveAttribute("aria-pressed", "false");
    }

    await editor.click();
    await expect(editor).toBeFocused();
    for (const [index, format] of FORMATS.entries()) {
      if (index > 0) await page.keyboard.press("Enter");
      await page.keyboard.insertText(format.line);
    }
    // Each line made so from the toolbar: the button says so, and the text has the mark or quote.
    for (const format of FORMATS) {
      await editor.getByText(format.line, { exact: true }).click({ clickCount: 3 });
      const button = toolbar.getByRole("button", { name: format.button, exact: true });
      await button.click();
      await expect(button).toHaveAttribute("aria-pressed", "true");
      await expect(formatted(format.tag)).toHaveText(format.line);
    }
    await expect(page.getByRole("status", { name: "Document status: Saved" })).toBeVisible();

    // Stored in the shared document: after a reload, and for a reviewer, who gets no controls.
    await page.reload();
    for (const format of FORMATS) await expect(formatted(format.tag)).toHaveText(format.line);
    const blake = await signUp(browser, baseURL, { name: "Blake Reviewer", email: `blake-f-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    await joinWorkspace(page, blake.page, workspaceId, "reviewer");
    await blake.page.goto(assessmentPath);
    for (const format of FORMATS) await expect(editorOf(blake.page).locator(format.tag)).toHaveText(format.line);
    await expect(blake.page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
    await expect(blake.page.getByRole("button", { name: "Underline" })).toHaveCount(0);

    // Removed from the toolbar: the button shows the format where the text has it, and takes it off.
    await editor.click();
    await expect(editor).toBeFocused();
    for (const format of FORMATS) {
      await editor.getByText(format.line, { exact: true }).click({ clickCount: 3 });
      const button = toolbar.getByRole("button", { name: format.button, exact: true });
      await expect(button).toHaveAttribute("aria-pressed", "true");
      await button.click();
      await expect(button).toHaveAttribute("aria-pressed", "false");
      await expect(formatted(format.tag)).toHaveCount(0);
    }
    await expect(page.getByRole("status", { name: "Document status: Saved" })).toBeVisible();
    await page.reload();
    await expect(editor).toContainText(FORMATS[0].line);
    for (const format of FORMATS) {
      await expect(editor.getByText(format.line, { exact: true })).toBeVisible();
      await expect(formatted(format.tag)).toHaveCount(0);
    }
    await expect(editorOf(blake.page).locator("u")).toHaveCount(0);

    // The same with the keys (Tiptap's): on, then off again.
    await editor.click();
    await expect(editor).toBeFocused();
    for (const format of FORMATS) {
      await editor.getByText(format.line, { exact: true }).click({ clickCount: 3 });
      const button = toolbar.getByRole("button", { name: format.button, exact: true });
      await page.keyboard.press(format.keys);
      await expect(button).toHaveAttribute("aria-pressed", "true");
      await expect(formatted(format.tag)).toHaveText(format.line);
      await page.keyboard.press(format.keys);
      await expect(button).toHaveAttribute("aria-pressed", "false");
      await expect(formatted(format.tag)).toHaveCount(0);
    }

    // A judgement is never quoted: it would stop being a block of its own (and credit its editors).
    await page.keyboard.press("Control+End");
    await toolbar.getByRole("button", { name: "Judgement" }).click();
    await page.keyboard.type("Tikhoretsk is likely to remain crucial.");
    const quote = toolbar.getByRole("button", { name: "Quote", exact: true });
    await expect(quote).toBeDisabled();
    await page.keyboard.press("Control+Shift+B");
    await expect(formatted("blockquote")).toHaveCount(0);
    await expect(editor.locator("[data-judgement-id]")).toContainText("Tikhoretsk is likely to remain crucial.");

    // Nor made a heading or a list, from the toolbar or by typing: it would lose its id and fields.
    const judgementBlock = editor.locator("[data-judgement-id]");
    const judgementId = await judgementBlock.getAttribute("data-judgement-id");
    await judgementBlock.getByRole("combobox", { name: "Likelihood" }).selectOption("likely");
    await judgementBlock.getByText("Tikhoretsk is likely to remain crucial.").click();
    for (const name of ["Heading 1", "Heading 2", "Bullet list", "Numbered list"]) {
      const button = toolbar.getByRole("button", { name, exact: true });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute("title", /not available in a judgement/);
    }
    await page.keyboard.press("Home");
    for (const typed of ["## ", "- ", "> "]) {
      await page.keyboard.type(typed);
      for (let i = 0; i < typed.length; i++) await page.keyboard.press("Backspace");
    }
    // Backspace at the statement's start would join it into the paragraph above.
    await page.keyboard.press("Backspace");
    await expect(editor.locator("h2, ul, ol, blockquote")).toHaveCount(0);
    await expect(editor.locator(`[data-judgement-id="${judgementId}"] .judgement-statement`)).toHaveText(
      "Tikhoretsk is likely to remain crucial.",
    );
    await expect(judgementBlock.getByRole("combobox", { name: "Likelihood" })).toHaveValue("likely");
  } finally {
    for (const context of contexts) await context.close();
  }
});
