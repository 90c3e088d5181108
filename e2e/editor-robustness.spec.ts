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
      await editorOf(blake.page).click();
      await blake.page.keyboard.press("Control+End");
      for (const line of LINES) {
        await blake.page.keyboard.press("Enter");
        await blake.page.keyboard.type(line);
      }
      for (const page of [avery.page, blake.page]) await expect(findingsCountOf(page)).toHaveText("3 findings");
    };
    await typeLines();

    // Blake selects the three lines and deletes them: positions of the findings are now past the
    // end of both copies of the text until the linter runs again.
    // From the end of the text, shift-click past the end of the first line. (Extending the
    // selection key by key lost keys now and then while the linter redrew its underlines.)
    await blake.page.keyboard.press("Control+End");
    const firstLine = await editorOf(blake.page).locator("p", { hasText: "Tikhoretsk is busy." }).boundingBox();
    if (!firstLine) throw new Error("the first line is not laid out");
    await blake.page.keyboard.down("Shift");
    await blake.page.mouse.click(firstLine.x + firstLine.width - 4, firstLine.y + firstLine.height / 2);
    await blake.page.keyboard.up("Shift");
    await expect
      .poll(() => blake.page.evaluate(() => window.getSelection()?.toString() ?? ""))
      .toMatch(/^\s*Remote line one might\.\s*Remote line two could\.\s*Remote line three perhaps\.\s*$/);
    await blake.page.keyboard.press("Backspace");
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
