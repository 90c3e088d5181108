import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { createAssessment, editorOf, joinWorkspace, selectWithMouse, signUp, unique } from "./support/people";

// Comment threads anchored to text, in real browsers: a reviewer (read-only text) comments on a
// phrase; an analyst sees the highlight and the thread live, edits around the phrase, replies;
// the reviewer resolves and reopens; deleting the phrase detaches the thread; markup in a
// comment stays text.

const PARAGRAPH = "The depot at Tikhoretsk is crucial for handling munitions from North Korea.";
const PHRASE = "crucial for handling";
const STATEMENT = "Tikhoretsk will stay crucial.";
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

function commentsOf(page: Page): Locator {
  return page.getByRole("region", { name: "Comments" });
}

function threadOn(page: Page, quote: string): Locator {
  return commentsOf(page).getByRole("article", { name: `Comment thread on “${quote}”` });
}

function highlightsOf(page: Page): Locator {
  return editorOf(page).locator(".comment-highlight");
}

test("a reviewer comments on a phrase; the analyst sees it live, edits around it, replies; resolve, reopen, detach", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-c-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Comment desk", run);
    const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-c-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    const casey = await signUp(browser, baseURL, { name: "Casey Reviewer", email: `casey-c-${run}@e2e.parallax.test` });
    contexts.push(casey.context);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");
    await joinWorkspace(avery.page, casey.page, workspaceId, "reviewer");
    // The owner only set things up: two browsers remain, the analyst's and the reviewer's.
    await avery.context.close();

    // Blake writes a paragraph; Casey, whose text is read-only, sees it.
    await blake.page.goto(assessmentPath);
    await expect(blake.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editorOf(blake.page).click();
    await blake.page.keyboard.type(PARAGRAPH);
    await casey.page.goto(assessmentPath);
    await expect(editorOf(casey.page)).toContainText(PARAGRAPH);
    await expect(editorOf(casey.page)).toHaveAttribute("aria-readonly", "true");

    // Casey selects the phrase with the mouse and comments, mentioning Blake from the suggestions.
    await selectWithMouse(casey.page, PHRASE);
    await commentsOf(casey.page).getByRole("button", { name: "Comment", exact: true }).click();
    const form = commentsOf(casey.page).getByRole("region", { name: "New comment" });
    await expect(form).toContainText(PHRASE);
    const box = form.getByRole("textbox", { name: "Comment" });
    await box.pressSequentially("Is this sourced?");
    await box.press("Shift+Enter");
    await box.pressSequentially("@Bla");
    const suggestions = commentsOf(casey.page).getByRole("listbox", { name: "People to mention" });
    await expect(suggestions.getByRole("option", { name: /Blake Analyst/ })).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await expect(suggestions).toBeHidden();
    await box.pressSequentially("can you check?");
    await expect(box).toHaveValue("Is this sourced?\n@Blake Analyst can you check?");
    await form.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(form).toBeHidden();

    const caseyThread = threadOn(casey.page, PHRASE);
    await expect(caseyThread).toBeVisible();
    await expect(highlightsOf(casey.page)).toHaveText(PHRASE);
    // Plain text with its line break shown as one; the mention resolved to Blake.
    const firstComment = caseyThread.locator("[data-comment-id]").first();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point: a collapsed line break would read as a space.
    expect(await firstComment.locator("p").evaluate((element) => (element as HTMLElement).innerText)).toBe(
      "Is this sourced?\n@Blake Analyst can you check?",
    );
    await expect(firstComment.locator("span.font-medium", { hasText: "@Blake Analyst" })).toBeVisible();

    // Blake sees the highlight and the thread live, without reloading.
    const blakeThread = threadOn(blake.page, PHRASE);
    await expect(blakeThread).toContainText("Is this sourced?");
    await expect(highlightsOf(blake.page)).toHaveText(PHRASE);
    // An analyst may not resolve a reviewer's thread: no button for it.
    await expect(blakeThread.getByRole("button", { name: "Resolve" })).toHaveCount(0);

    // Blake types before the phrase: both highlights stay on the same words.
    await editorOf(blake.page).click();
    await blake.page.keyboard.press("Control+Home");
    await blake.page.keyboard.type("Reportedly, ");
    await expect(editorOf(casey.page)).toContainText(`Reportedly, ${PARAGRAPH}`);
    await expect(highlightsOf(blake.page)).toHaveText(PHRASE);
    await expect(highlightsOf(casey.page)).toHaveText(PHRASE);

    // Clicking the highlight opens the thread for a reply; Casey sees the reply live.
    await highlightsOf(blake.page).click();
    await blakeThread.getByRole("textbox", { name: "Reply" }).fill("Yes: OBS-26, imagery from April.");
    await blakeThread.getByRole("button", { name: "Reply" }).click();
    await expect(caseyThread).toContainText("Yes: OBS-26, imagery from April.");
    await expect(caseyThread).toContainText("Blake Analyst");

    // Blake edits his reply; Casey sees it marked edited.
    const reply = blakeThread.locator("[data-comment-id]").nth(1);
    await reply.getByRole("button", { name: "Edit" }).click();
    await reply.getByRole("textbox", { name: "Edit comment" }).fill("Yes: OBS-26, imagery from 12 April.");
    await reply.getByRole("button", { name: "Save" }).click();
    await expect(caseyThread.locator("[data-comment-id]").nth(1)).toContainText("(edited)");
    await expect(caseyThread).toContainText("imagery from 12 April.");

    // Casey resolves: the thread leaves the open list and its highlight goes, for both.
    await caseyThread.getByRole("button", { name: "Resolve" }).click();
    await expect(commentsOf(blake.page).getByRole("button", { name: "Show 1 resolved thread" })).toBeVisible();
    await expect(blakeThread).toBeHidden();
    await expect(highlightsOf(blake.page)).toHaveCount(0);
    await expect(highlightsOf(casey.page)).toHaveCount(0);
    // … and reopens it from the resolved list.
    await commentsOf(casey.page).getByRole("button", { name: "Show 1 resolved thread" }).click();
    await caseyThread.getByRole("button", { name: "Reopen" }).click();
    await expect(highlightsOf(blake.page)).toHaveText(PHRASE);

    // Blake deletes the phrase: the thread stays, detached, with its quote, for both.
    await selectWithMouse(blake.page, PHRASE);
    await blake.page.keyboard.press("Backspace");
    await expect(editorOf(casey.page)).not.toContainText(PHRASE);
    for (const page of [blake.page, casey.page]) {
      const thread = threadOn(page, PHRASE);
      await expect(thread.getByText("Detached", { exact: true })).toBeVisible();
      await expect(thread.getByRole("button", { name: `Show “${PHRASE}” in the text` })).toHaveText(PHRASE);
      await expect(highlightsOf(page)).toHaveCount(0);
    }

    // Blake comments on another word with the keyboard shortcut; markup in it stays text.
    await selectWithMouse(blake.page, "munitions");
    await blake.page.keyboard.press("Control+Alt+m");
    const blakeForm = commentsOf(blake.page).getByRole("region", { name: "New comment" });
    await expect(blakeForm.getByRole("textbox", { name: "Comment" })).toBeFocused();
    await blake.page.keyboard.type(XSS);
    await blake.page.keyboard.press("Control+Enter");
    const xssThread = threadOn(casey.page, "munitions");
    await expect(xssThread).toContainText(XSS);
    await expect(highlightsOf(casey.page)).toHaveText("munitions");
    await expect(xssThread.locator("img, script")).toHaveCount(0);
    expect(await casey.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await blake.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // A thread on a whole judgement, marked blocking: Casey puts the caret in its statement.
    await editorOf(blake.page).click();
    await blake.page.keyboard.press("Control+End");
    await blake.page.keyboard.press("Enter");
    await blake.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await blake.page.keyboard.type(STATEMENT);
    await editorOf(casey.page).getByText(STATEMENT).click();
    await commentsOf(casey.page).getByRole("button", { name: "Comment on judgement" }).click();
    const judgementForm = commentsOf(casey.page).getByRole("region", { name: "New comment" });
    await expect(judgementForm).toContainText("Comment on the judgement");
    await judgementForm.getByRole("textbox", { name: "Comment" }).fill("Which source says so?");
    await judgementForm.getByRole("checkbox", { name: "Blocking" }).check();
    await judgementForm.getByRole("button", { name: "Comment", exact: true }).click();
    const judgementThread = threadOn(blake.page, STATEMENT);
    await expect(judgementThread).toContainText("Which source says so?");
    await expect(judgementThread.getByText("Blocking", { exact: true })).toBeVisible();
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
  }
});

test("undoing the deletion of commented text re-attaches the thread for everyone, and it stays attached after a reload", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-u-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Undo desk", run);
    const casey = await signUp(browser, baseURL, { name: "Casey Reviewer", email: `casey-u-${run}@e2e.parallax.test` });
    contexts.push(casey.context);
    await joinWorkspace(avery.page, casey.page, workspaceId, "reviewer");

    await avery.page.goto(assessmentPath);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editorOf(avery.page).click();
    await avery.page.keyboard.type(PARAGRAPH);
    await casey.page.goto(assessmentPath);
    await expect(editorOf(casey.page)).toContainText(PARAGRAPH);
    await selectWithMouse(casey.page, PHRASE);
    await commentsOf(casey.page).getByRole("button", { name: "Comment", exact: true }).click();
    const form = commentsOf(casey.page).getByRole("region", { name: "New comment" });
    await form.getByRole("textbox", { name: "Comment" }).fill("Is this sourced?");
    await form.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(highlightsOf(avery.page)).toHaveText(PHRASE);

    // Avery deletes the phrase: detached for both, as it should be.
    await selectWithMouse(avery.page, PHRASE);
    await avery.page.keyboard.press("Backspace");
    for (const page of [avery.page, casey.page]) {
      await expect(editorOf(page)).not.toContainText(PHRASE);
      await expect(threadOn(page, PHRASE).getByText("Detached", { exact: true })).toBeVisible();
    }

    // … and undoes: the text and the thread's highlight come back for Casey too.
    await avery.page.keyboard.press("Control+z");
    for (const page of [avery.page, casey.page]) {
      await expect(editorOf(page)).toContainText(PARAGRAPH);
      await expect(highlightsOf(page)).toHaveText(PHRASE);
      await expect(threadOn(page, PHRASE).getByText("Detached", { exact: true })).toHaveCount(0);
    }

    // The anchor is stored: after a reload both still see the thread on the phrase.
    for (const page of [avery.page, casey.page]) {
      await page.reload();
      await expect(editorOf(page)).toContainText(PARAGRAPH);
      await expect(threadOn(page, PHRASE)).toContainText("Is this sourced?");
      await expect(highlightsOf(page)).toHaveText(PHRASE);
      await expect(threadOn(page, PHRASE).getByText("Detached", { exact: true })).toHaveCount(0);
    }
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
  }
});

/**
 * Cuts or pastes in the focused editor as the browser does (a clipboard event carrying the
 * clipboard's data; one DataTransfer kept on the page stands for the clipboard). Headless
 * Chromium does not run cut and paste for keyboard shortcuts.
 */
async function clipboard(page: Page, action: "cut" | "paste") {
  await page.evaluate((type) => {
    const holder = window as unknown as { __clipboard?: DataTransfer };
    holder.__clipboard ??= new DataTransfer();
    const event = new ClipboardEvent(type, { clipboardData: holder.__clipboard, bubbles: true, cancelable: true });
    document.activeElement?.dispatchEvent(event);
  }, action);
}

test("cutting commented text and pasting it elsewhere moves its thread, for everyone and after a reload", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const run = unique();
  const contexts: BrowserContext[] = [];
  const SECOND = "Rail traffic fell in April.";
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-c-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Cut desk", run);
    const casey = await signUp(browser, baseURL, { name: "Casey Reviewer", email: `casey-c-${run}@e2e.parallax.test` });
    contexts.push(casey.context);
    await joinWorkspace(avery.page, casey.page, workspaceId, "reviewer");

    await avery.page.goto(assessmentPath);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editorOf(avery.page).click();
    await expect(editorOf(avery.page)).toBeFocused();
    await avery.page.keyboard.type(PARAGRAPH);
    await avery.page.keyboard.press("Enter");
    await avery.page.keyboard.type(SECOND);
    await casey.page.goto(assessmentPath);
    await expect(editorOf(casey.page)).toContainText(SECOND);
    await selectWithMouse(casey.page, PHRASE);
    await commentsOf(casey.page).getByRole("button", { name: "Comment", exact: true }).click();
    const form = commentsOf(casey.page).getByRole("region", { name: "New comment" });
    await form.getByRole("textbox", { name: "Comment" }).fill("Is this sourced?");
    await form.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(highlightsOf(avery.page)).toHaveText(PHRASE);

    // Avery cuts the whole first paragraph and pastes it after the second.
    const paragraphs = editorOf(avery.page).locator("p");
    // The selection is set on the paragraph itself: clicks on it land on the highlight, which
    // opens the thread and can move the text between the clicks of a triple click.
    await editorOf(avery.page).focus();
    await paragraphs.first().evaluate((paragraph) => {
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await expect.poll(() => avery.page.evaluate(() => String(window.getSelection()))).toBe(PARAGRAPH);
    await clipboard(avery.page, "cut");
    await expect(paragraphs.first()).not.toContainText(PHRASE);
    await paragraphs.last().click();
    await avery.page.keyboard.press("End");
    await avery.page.keyboard.press("Enter");
    await clipboard(avery.page, "paste");
    await expect(paragraphs.last()).toHaveText(PARAGRAPH);

    for (const page of [avery.page, casey.page]) {
      await expect(editorOf(page).locator("p").last()).toHaveText(PARAGRAPH);
      await expect(highlightsOf(page)).toHaveText(PHRASE);
      await expect(threadOn(page, PHRASE).getByText("Detached", { exact: true })).toHaveCount(0);
    }
    // The move is stored: after a reload the thread is on the pasted words, in the last paragraph.
    for (const page of [avery.page, casey.page]) {
      await page.reload();
      await expect(editorOf(page).locator("p").last()).toHaveText(PARAGRAPH);
      await expect(threadOn(page, PHRASE)).toContainText("Is this sourced?");
      await expect(editorOf(page).locator("p").last().locator(".comment-highlight")).toHaveText(PHRASE);
      await expect(threadOn(page, PHRASE).getByText("Detached", { exact: true })).toHaveCount(0);
    }
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
  }
});
