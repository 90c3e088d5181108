import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { editorOf, joinWorkspace, signUp, UUID, unique } from "./support/people";

// Judgement blocks and the live tradecraft linter in real browsers: two analysts of one
// workspace, each in their own browser context, on one assessment.

/** Creates a workspace and an assessment through the UI; returns the workspace id and assessment path. */
async function createAssessment(page: Page, run: string) {
  await page.getByLabel("Workspace name", { exact: true }).fill(`Judgement desk ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));
  const workspaceId = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.getByRole("button", { name: "New assessment" }).click();
  const dialog = page.getByRole("dialog", { name: "New assessment" });
  await dialog.getByLabel("Title", { exact: true }).fill(`Tikhoretsk ${run}`);
  await dialog.getByRole("button", { name: "Create assessment" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}/a/${UUID}$`));
  return { workspaceId, assessmentPath: new URL(page.url()).pathname };
}

function findingsOf(page: Page): Locator {
  return page.getByRole("region", { name: "Tradecraft checks" });
}

const STATEMENT = "Tikhoretsk will remain crucial for handling North Korean munitions sent to Russia.";
const MIXED = "We assess with high confidence that the depot is likely to stay open.";

test("an analyst writes a judgement that a second analyst sees live, and the linter flags its tradecraft", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-j-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, run);
    const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-j-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");
    await blake.page.goto(assessmentPath);

    // Avery inserts a judgement from the toolbar, types the statement and sets its fields.
    const averyEditor = editorOf(avery.page);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await averyEditor.click();
    await avery.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await avery.page.keyboard.type(STATEMENT);
    // Enter ends the statement: the text goes on in a paragraph below the judgement.
    await avery.page.keyboard.press("Enter");
    await avery.page.keyboard.type(MIXED);
    const likelihood = averyEditor.getByRole("combobox", { name: "Likelihood" });
    await expect(likelihood.getByRole("option", { name: "likely (55–80%)", exact: true })).toHaveCount(1);
    await likelihood.selectOption("likely");
    await averyEditor.getByRole("combobox", { name: "Confidence" }).selectOption("moderate");
    await averyEditor.getByRole("button", { name: "Key judgement" }).click();

    // Blake sees the judgement appear with the same id, statement and fields.
    const averyJudgement = averyEditor.locator("[data-judgement-id]");
    await expect(averyJudgement).toHaveCount(1);
    const judgementId = await averyJudgement.getAttribute("data-judgement-id");
    expect(judgementId).toMatch(/^jdg_[0-9a-f]{20}$/);
    const blakeEditor = editorOf(blake.page);
    const blakeJudgement = blakeEditor.locator(`[data-judgement-id="${judgementId}"]`);
    await expect(blakeJudgement).toContainText(STATEMENT);
    await expect(blakeJudgement).not.toContainText(MIXED);
    await expect(blakeEditor.getByRole("combobox", { name: "Likelihood" })).toHaveValue("likely");
    await expect(blakeEditor.getByRole("combobox", { name: "Likelihood" }).locator("option:checked")).toHaveText(
      "likely (55–80%)",
    );
    await expect(blakeEditor.getByRole("combobox", { name: "Confidence" })).toHaveValue("moderate");
    await expect(blakeEditor.getByRole("button", { name: "Key judgement" })).toHaveAttribute("aria-pressed", "true");

    // Without citations the linter flags it for both; citing an observation clears the finding.
    for (const page of [avery.page, blake.page]) {
      await expect(findingsOf(page).getByRole("button", { name: /This judgement cites no observation/ })).toBeVisible();
    }
    await averyEditor.getByRole("textbox", { name: "Cite observation by id" }).fill("OBS-01");
    await averyEditor.getByRole("button", { name: "Cite", exact: true }).click();
    await expect(blakeEditor.getByRole("list", { name: "Citations" })).toContainText("OBS-01");
    await expect(findingsOf(blake.page).getByRole("button", { name: /cites no observation/ })).toHaveCount(0);

    // The sentence that puts "likely" and "high confidence" together is underlined and listed.
    const finding = findingsOf(avery.page).getByRole("button", {
      name: /states a likelihood \(“likely”\) and a confidence level \(“high confidence”\)/,
    });
    await expect(finding).toBeVisible();
    await expect(blakeEditor.locator(".lint-finding", { hasText: MIXED })).toHaveAttribute(
      "title",
      /Split them into separate sentences/,
    );
    await expect(findingsOf(blake.page).getByRole("heading", { level: 3, name: /^Text: “We assess/ })).toBeVisible();

    // Choosing the finding puts the caret back on the sentence it is about.
    await finding.click();
    await expect(averyEditor).toBeFocused();
    await expect.poll(() => avery.page.evaluate(() => window.getSelection()?.toString())).toBe(MIXED);

    // A viewer reads the same values, without any control to change them.
    const casey = await signUp(browser, baseURL, { name: "Casey Viewer", email: `casey-j-${run}@e2e.parallax.test` });
    contexts.push(casey.context);
    await joinWorkspace(avery.page, casey.page, workspaceId, "viewer");
    await casey.page.goto(assessmentPath);
    const caseyJudgement = editorOf(casey.page).locator(`[data-judgement-id="${judgementId}"]`);
    await expect(caseyJudgement).toContainText("likely (55–80%)");
    await expect(caseyJudgement).toContainText("Moderate confidence");
    await expect(caseyJudgement).toContainText("Key judgement");
    await expect(caseyJudgement.getByRole("list", { name: "Citations" })).toContainText("OBS-01");
    await expect(caseyJudgement.getByRole("combobox")).toHaveCount(0);
    await expect(caseyJudgement.getByRole("button")).toHaveCount(0);
    await expect(caseyJudgement.getByRole("textbox")).toHaveCount(0);

    // The keyboard shortcut inserts another judgement, with its own empty fields.
    await avery.page.keyboard.press("End");
    await avery.page.keyboard.press("Control+Alt+j");
    await expect(blakeEditor.getByRole("combobox", { name: "Likelihood" })).toHaveCount(2);
    await expect(blakeEditor.getByRole("combobox", { name: "Likelihood" }).nth(1)).toHaveValue("");
  } finally {
    for (const context of contexts) await context.close();
  }
});
