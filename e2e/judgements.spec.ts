import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { createAssessment, editorOf, joinWorkspace, signUp, unique } from "./support/people";

// Judgement blocks, citations of the evidence library and the live tradecraft linter in real
// browsers: two analysts of one workspace, each in their own browser context, on one assessment.

/**
 * Gives the workspace a small library through the REST API (the owner's session): one imagery
 * source graded B, the Tikhoretsk depot, and two monthly rail-car counts graded 2.
 */
async function addEvidence(page: Page, workspaceId: string) {
  const base = `/api/v1/workspaces/${workspaceId}`;
  const post = async (path: string, data: unknown) => {
    const response = await page.request.post(`${base}${path}`, { data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  };
  const source = await post("/sources", {
    externalId: "S07",
    publisher: "CSIS Beyond Parallel",
    title: "Tikhoretsk depot imagery",
    type: "imagery",
    reliability: "B",
  });
  const site = await post("/sites", {
    name: "Tikhoretsk depot",
    latitude: 45.85,
    longitude: 40.13,
    coordinatePrecision: "approx_1km",
    country: "RU",
  });
  const observation = (externalId: string, month: string, railCars: number) =>
    post("/observations", {
      externalId,
      summary: `About ${railCars} rail cars at the Tikhoretsk depot.`,
      siteId: site.id,
      observed: { precision: "month", month },
      quantities: [{ metric: "rail_cars", value: railCars, approximate: true }],
      credibility: 2,
      sourceIds: [source.id],
    });
  return { february: await observation("OBS-25", "2024-02", 60), april: await observation("OBS-26", "2024-04", 50) };
}

/** Cites an observation from a judgement block through the picker, found by typing `search`. */
async function citeThroughPicker(page: Page, judgement: Locator, search: string, label: string) {
  await judgement.getByRole("button", { name: "Cite evidence" }).click();
  const picker = page.getByRole("dialog", { name: "Cite evidence" });
  await picker.getByRole("combobox", { name: "Search evidence" }).fill(search);
  const options = picker.getByRole("listbox", { name: "Observations" }).getByRole("option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText(label);
  await expect(options.first()).toContainText("B2");
  await page.keyboard.press("Enter");
  await expect(picker).toBeHidden();
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
  // Three people in three browsers, a library and two dozen steps: more than the default minute
  // on a busy machine.
  test.setTimeout(180_000);
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-j-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Judgement desk", run);
    const evidence = await addEvidence(avery.page, workspaceId);
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
    // Avery cites two observations through the picker, searching the library by text; Blake sees
    // both chips appear, labelled with their file ids, and the finding goes.
    await citeThroughPicker(avery.page, averyJudgement, "about 60", "OBS-25");
    await citeThroughPicker(avery.page, averyJudgement, "about 50 rail", "OBS-26");
    const blakeCitations = blakeJudgement.getByRole("list", { name: "Citations" });
    await expect(blakeCitations.getByRole("button", { name: "OBS-25", exact: true })).toBeVisible();
    await expect(blakeCitations.getByRole("button", { name: "OBS-26", exact: true })).toBeVisible();
    await expect(findingsOf(blake.page).getByRole("button", { name: /cites no observation/ })).toHaveCount(0);

    // Hovering a chip shows its observation card: grade, source, date with precision, quantity.
    await blakeCitations.getByRole("button", { name: "OBS-26", exact: true }).hover();
    const card = blake.page.getByRole("tooltip");
    await expect(card).toContainText("B2");
    await expect(card).toContainText("Usually reliable");
    await expect(card).toContainText("CSIS Beyond Parallel");
    await expect(card).toContainText("Apr 2024");
    await expect(card).toContainText("month only");
    await expect(card).toContainText("rail_cars ≈ 50");

    // The evidence rules run live with the library: both observations come from one publisher.
    await expect(
      findingsOf(blake.page).getByRole("button", { name: /This key judgement rests on a single source/ }),
    ).toBeVisible();

    // Retracting an observation elsewhere marks its chip and flags the judgement, with no edit.
    const retraction = await avery.page.request.post(
      `/api/v1/workspaces/${workspaceId}/observations/${evidence.february.id}/retract`,
      { data: { reason: "Imagery date could not be confirmed" } },
    );
    expect(retraction.status()).toBe(200);
    await expect(
      findingsOf(blake.page).getByRole("button", { name: /Cited observation OBS-25 has been retracted/ }),
    ).toBeVisible();
    await expect(blakeCitations.locator('[data-retracted="true"]')).toContainText("OBS-25");

    // The timeline of the judgement's evidence draws both observed months.
    await averyJudgement.getByRole("button", { name: "Evidence timeline" }).click();
    await expect(averyJudgement.getByRole("figure")).toContainText("OBS-26");
    await expect(averyJudgement.getByRole("figure").locator("svg")).toBeVisible();

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
    await expect(caseyJudgement.getByRole("list", { name: "Citations" })).toContainText("OBS-26");
    await expect(caseyJudgement.getByRole("combobox")).toHaveCount(0);
    await expect(caseyJudgement.getByRole("button", { name: /Cite|Remove|Key judgement/ })).toHaveCount(0);
    await expect(caseyJudgement.getByRole("textbox")).toHaveCount(0);

    // A citation inline in any text, from the toolbar: it shows as a chip for everyone.
    await avery.page.keyboard.press("End");
    await avery.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Cite" }).click();
    const inlinePicker = avery.page.getByRole("dialog", { name: "Cite evidence in the text" });
    await inlinePicker.getByRole("combobox", { name: "Search evidence" }).fill("OBS-26");
    await inlinePicker
      .getByRole("listbox", { name: "Observations" })
      .getByRole("option", { name: /OBS-26/ })
      .click();
    await expect(inlinePicker).toBeHidden();
    await expect(
      blakeEditor.locator("p", { hasText: "We assess" }).getByRole("button", { name: "OBS-26", exact: true }),
    ).toBeVisible();

    // The keyboard shortcut inserts another judgement, with its own empty fields; it cites
    // nothing yet, and the linter says so.
    await expect(averyEditor).toBeFocused();
    await avery.page.keyboard.press("End");
    await avery.page.keyboard.press("Control+Alt+j");
    await expect(blakeEditor.getByRole("combobox", { name: "Likelihood" })).toHaveCount(2);
    await expect(blakeEditor.getByRole("combobox", { name: "Likelihood" }).nth(1)).toHaveValue("");
    await expect(
      findingsOf(blake.page).getByRole("button", { name: /This judgement cites no observation/ }),
    ).toHaveCount(1);
  } finally {
    for (const context of contexts) await context.close();
  }
});

test("the linter flags a statement whose wording says another band than its likelihood, until they agree", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-w-${run}@e2e.parallax.test` });
  try {
    const { assessmentPath } = await createAssessment(avery.page, "Wording desk", run);
    await avery.page.goto(assessmentPath);
    const editor = editorOf(avery.page);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editor.click();
    await avery.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await avery.page.keyboard.type(
      "North Korean munitions are probably being routed to storage sites in southern Russia.",
    );
    const likelihood = editor.getByRole("combobox", { name: "Likelihood" });
    await likelihood.selectOption("very_likely");

    // “probably” is the likely band (55–80%): the panel names both bands and the word is underlined.
    const finding = findingsOf(avery.page).getByRole("button", {
      name: /The statement says “probably” \(likely, 55–80%\) but the judgement's likelihood is very likely \(80–95%\)\./,
    });
    await expect(finding).toBeVisible();
    await expect(editor.locator(".lint-finding", { hasText: /^probably$/ })).toHaveAttribute(
      "title",
      /judgement's likelihood is very likely \(80–95%\)/,
    );

    // Choosing the band the wording states clears it.
    await likelihood.selectOption("likely");
    await expect(findingsOf(avery.page).getByRole("button", { name: /The statement says/ })).toHaveCount(0);
  } finally {
    await avery.context.close();
  }
});

test("two analysts citing one judgement at the same time both keep their citation", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-cc-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath } = await createAssessment(avery.page, "Citing desk", run);
    await addEvidence(avery.page, workspaceId);
    const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-cc-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");

    const averyEditor = editorOf(avery.page);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await averyEditor.click();
    await avery.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await avery.page.keyboard.type(STATEMENT);
    const judgementId = await averyEditor.locator("[data-judgement-id]").getAttribute("data-judgement-id");
    await blake.page.goto(assessmentPath);
    const blakeJudgement = editorOf(blake.page).locator(`[data-judgement-id="${judgementId}"]`);
    await expect(blakeJudgement).toContainText(STATEMENT);

    // Blake cites while his connection is down; Avery cites another observation meanwhile. Each
    // wrote "the list plus mine" without seeing the other's: both must stay.
    // The page's copy of the library has loaded (the picker searches it, offline too).
    await blakeJudgement.getByRole("button", { name: "Cite evidence" }).click();
    const picker = blake.page.getByRole("dialog", { name: "Cite evidence" });
    await picker.getByRole("combobox", { name: "Search evidence" }).fill("about 60");
    await expect(picker.getByRole("listbox", { name: "Observations" }).getByRole("option")).toHaveCount(1);
    await blake.page.keyboard.press("Escape");
    await expect(picker).toBeHidden();
    await blake.context.setOffline(true);
    await expect(blake.page.getByRole("status", { name: "Document status: Offline" })).toBeVisible();
    await citeThroughPicker(blake.page, blakeJudgement, "about 60", "OBS-25");
    const averyJudgement = averyEditor.locator(`[data-judgement-id="${judgementId}"]`);
    await citeThroughPicker(avery.page, averyJudgement, "about 50 rail", "OBS-26");
    await blake.context.setOffline(false);
    await expect(blake.page.getByRole("status", { name: /^Document status: (Saved|Live)$/ })).toBeVisible();

    for (const page of [avery.page, blake.page]) {
      const citations = editorOf(page)
        .locator(`[data-judgement-id="${judgementId}"]`)
        .getByRole("list", { name: "Citations" });
      await expect(citations.getByRole("button", { name: "OBS-25", exact: true })).toBeVisible();
      await expect(citations.getByRole("button", { name: "OBS-26", exact: true })).toBeVisible();
    }
    await avery.page.reload();
    const reloaded = editorOf(avery.page)
      .locator(`[data-judgement-id="${judgementId}"]`)
      .getByRole("list", { name: "Citations" });
    await expect(reloaded.getByRole("button", { name: "OBS-25", exact: true })).toBeVisible();
    await expect(reloaded.getByRole("button", { name: "OBS-26", exact: true })).toBeVisible();
  } finally {
    for (const context of contexts) await context.close();
  }
});
