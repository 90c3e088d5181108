import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { createAssessment, editorOf, joinWorkspace, signUp, unique } from "./support/people";

// The assessment page as a user meets it: it loads without a script error, and edits that
// remove text the linter has findings in (typed, undone, or made by someone else) never take
// the page down.

const LINES = ["Remote line one might.", "Remote line two could.", "Remote line three perhaps."];

/** Every uncaught error and console error of the page, as text. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

function findingsCountOf(page: Page) {
  return page.getByRole("region", { name: "Tradecraft checks" }).locator("#tradecraft-heading + p");
}

/** The page is still the assessment, not the error screen. */
async function expectPageAlive(page: Page) {
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await expect(editorOf(page)).toBeVisible();
}

test("an assessment page loads and hydrates without a script error", async ({ browser, baseURL }) => {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-r-${run}@e2e.parallax.test` });
  try {
    const errors = errorsOf(avery.page);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Robust desk", run);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editorOf(avery.page).click();
    await avery.page.keyboard.type("Tikhoretsk is busy.");
    await expect(avery.page.getByRole("status", { name: "Document status: Saved" })).toBeVisible();
    // The workspace's other pages on the way; a hydration error of any would be reported below.
    for (const path of ["", "/library", "/library/sources", "/members", "/search", "/forecasts", "/audit"]) {
      await avery.page.goto(`/w/${workspaceId}${path}`);
      await expect(avery.page.locator("main")).toBeVisible();
    }
    await avery.page.goto(`${assessmentPath}/history`);
    await expect(avery.page.locator("main")).toBeVisible();
    // A second load of the assessment renders it with text on the server, then hydrates it.
    await avery.page.goto(assessmentPath);
    await expect(editorOf(avery.page)).toContainText("Tikhoretsk is busy.");
    await expect(avery.page.getByRole("heading", { name: "Review and publication" })).toBeVisible();
    await expect(avery.page.getByRole("list", { name: "Lifecycle" })).toBeVisible();
    await expect(findingsCountOf(avery.page)).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await avery.context.close();
  }
});

test("deleting paragraphs with linter findings, locally, by undo or by a co-author, keeps every page up", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-d-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Robust desk", run);
    const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-d-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");
    const averyErrors = errorsOf(avery.page);
    const blakeErrors = errorsOf(blake.page);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editorOf(avery.page).click();
    await avery.page.keyboard.type("Tikhoretsk is busy.");
    await blake.page.goto(assessmentPath);
    await expect(editorOf(blake.page)).toContainText("Tikhoretsk is busy.");
    await expect(findingsCountOf(avery.page)).toHaveText(/^No findings/);

    // Blake writes three hedged lines at the end; both linters list them.
    const typeLines = async () => {
      // The caret goes to the end through the editor: a click and Control+End now and then left it
      // where the click landed (the start of the text), so the lines went before it. Typing then
      // waits for the focus, which a first Enter pressed too early missed.
      await blake.page.evaluate(() => {
        const element = document.querySelector('[aria-label="Assessment text"]') as
          | (Element & { editor?: { commands: { focus: (position: "end") => boolean } } })
          | null;
        element?.editor?.commands.focus("end");
      });
      // Tiptap focuses on the next frame: a key pressed before that goes nowhere.
      await expect(editorOf(blake.page)).toBeFocused();
      for (const line of LINES) {
        await blake.page.keyboard.press("Enter");
        await blake.page.keyboard.type(line);
      }
      for (const page of [avery.page, blake.page]) await expect(findingsCountOf(page)).toHaveText("3 findings");
    };
    await typeLines();

    // Blake selects the three lines and deletes them: positions of the findings are now past the
    // end of both copies of the text until the linter runs again.
    // Select from the end of the first line to the end of the text and delete, through the editor
    // itself, as Backspace on that selection does: extending the selection key by key
    // (Shift+ArrowUp) or by shift-click lost steps now and then on a loaded machine, which this
    // test is not about.
    const deleted = await blake.page.evaluate(() => {
      type Editor = {
        state: {
          doc: {
            firstChild: { content: { size: number } } | null;
            content: { size: number };
            textBetween: (from: number, to: number, separator: string) => string;
          };
        };
        chain: () => {
          focus: () => {
            setTextSelection: (range: { from: number; to: number }) => {
              deleteSelection: () => { run: () => boolean };
            };
          };
        };
      };
      const element = document.querySelector('[aria-label="Assessment text"]') as
        | (Element & { editor?: Editor })
        | null;
      const editor = element?.editor;
      const first = editor?.state.doc.firstChild;
      if (!editor || !first) return "";
      const from = 1 + first.content.size;
      const to = editor.state.doc.content.size - 1;
      const text = editor.state.doc.textBetween(from, to, "\n");
      editor.chain().focus().setTextSelection({ from, to }).deleteSelection().run();
      return text;
    });
    expect(deleted.split("\n").filter(Boolean)).toEqual(LINES);
    for (const page of [avery.page, blake.page]) {
      await expect(editorOf(page)).not.toContainText("Remote line");
      await expect(findingsCountOf(page)).toHaveText(/^No findings/);
      await expectPageAlive(page);
    }

    // Again, and this time Blake undoes the typing line by line.
    await typeLines();
    for (let step = 0; step < 8; step++) await blake.page.keyboard.press("Control+z");
    for (const page of [avery.page, blake.page]) {
      await expect(editorOf(page)).not.toContainText("Remote line");
      await expect(findingsCountOf(page)).toHaveText(/^No findings/);
      await expectPageAlive(page);
    }
    await expect(editorOf(avery.page)).toContainText("Tikhoretsk is busy.");
    expect(averyErrors).toEqual([]);
    expect(blakeErrors).toEqual([]);
  } finally {
    for (const context of contexts) await context.close();
  }
});

test("redo with nothing to redo changes nothing (Ctrl+Shift+Z, Ctrl+Y)", async ({ browser, baseURL }) => {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-z-${run}@e2e.parallax.test` });
  try {
    const { assessmentPath } = await createAssessment(avery.page, "Robust desk", run);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    const paragraphs = editorOf(avery.page).locator("p");
    await editorOf(avery.page).click();
    await avery.page.keyboard.type("Para one shared.");
    await avery.page.keyboard.press("Enter");
    await avery.page.keyboard.type("Para two shared.");
    await expect(avery.page.getByRole("status", { name: "Document status: Saved" })).toBeVisible();

    // The redo stack is empty: every redo key does nothing (before, each one undid instead).
    for (const key of ["Control+Shift+z", "Control+y", "Control+Shift+z"]) await avery.page.keyboard.press(key);
    // Keys are handled in order, so the text typed next shows the state the redo keys left.
    await avery.page.keyboard.type(" Three.");
    await expect(paragraphs).toHaveText(["Para one shared.", "Para two shared. Three."]);

    // After an undo and a redo, a second redo does nothing more (before, it undid again).
    await avery.page.keyboard.press("Control+z");
    await expect(paragraphs).not.toHaveText(["Para one shared.", "Para two shared. Three."]);
    await avery.page.keyboard.press("Control+Shift+z");
    await expect(editorOf(avery.page)).toContainText("Para two shared. Three.");
    const redone = await paragraphs.allInnerTexts();
    await avery.page.keyboard.press("Control+Shift+z");
    // The redo leaves the caret where the undone text began.
    await avery.page.keyboard.press("Control+End");
    await avery.page.keyboard.type("!");
    const expected = [...redone.slice(0, -1), `${redone.at(-1)}!`];
    await expect(paragraphs).toHaveText(expected);
    await expect(avery.page.getByRole("status", { name: "Document status: Saved" })).toBeVisible();
    await avery.page.goto(assessmentPath);
    await expect(paragraphs).toHaveText(expected);
  } finally {
    await avery.context.close();
  }
});

/** Pastes `text` into the editor as the browser would (a paste event with the clipboard's data). */
async function pasteText(page: Page, text: string) {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    const target = document.querySelector('[aria-label="Assessment text"]');
    target?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

test("a paste too large to save is refused up front, and an oversized change saves again once undone", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-p-${run}@e2e.parallax.test` });
  try {
    const { assessmentPath } = await createAssessment(avery.page, "Robust desk", run);
    const status = (name: string) => avery.page.getByRole("status", { name: `Document status: ${name}` });
    await expect(status("Live")).toBeVisible();
    await editorOf(avery.page).click();
    await avery.page.keyboard.type("Start.");
    await expect(status("Saved")).toBeVisible();

    // 1.3 MB of text, over the server's 1 MiB per change: nothing enters the document, and the
    // notice says so where the user is.
    const line = "Rail cars at the Tikhoretsk depot were counted again on imagery from April 2024. ";
    await pasteText(avery.page, `PASTE-A ${line.repeat(16_000)}`);
    const refused = avery.page.getByRole("alert").filter({ hasText: "Nothing was pasted" });
    await expect(refused).toContainText(/that is 1\.\d MB of text, and one change can add at most 1 MB\./);
    await expect(refused).toBeInViewport();
    await expect(editorOf(avery.page)).not.toContainText("PASTE-A");
    await expect(status("Saved")).toBeVisible();
    await refused.getByRole("button", { name: "Dismiss" }).click();
    await expect(refused).toHaveCount(0);

    // Text just under the limit in many short paragraphs: its markup takes the change over it.
    // The notice stays in view at the end of the long text, and undoing the paste saves again.
    await editorOf(avery.page).press("Control+End");
    await pasteText(avery.page, `PASTE-B ${line}\n\n${`${line.repeat(2)}\n\n`.repeat(5_700)}`);
    await expect(editorOf(avery.page)).toContainText("PASTE-B");
    const tooLarge = avery.page.getByRole("alert").filter({ hasText: "too large to save in one piece" });
    await expect(tooLarge).toBeInViewport();
    await expect(status("Not saved")).toBeVisible();
    await avery.page.keyboard.press("Control+z");
    await expect(editorOf(avery.page)).not.toContainText("PASTE-B");
    await avery.page.keyboard.press("Control+End");
    await avery.page.keyboard.type(" After.");
    await expect(status("Saved")).toBeVisible();
    await expect(tooLarge).toHaveCount(0);
    const shown = await editorOf(avery.page).textContent();
    expect(shown).toContain("After.");
    await avery.page.goto(assessmentPath);
    await expect(editorOf(avery.page)).toContainText("After.");
    expect(await editorOf(avery.page).textContent()).toBe(shown);
  } finally {
    await avery.context.close();
  }
});
