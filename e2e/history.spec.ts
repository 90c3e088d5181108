import { expect, type Page, test } from "@playwright/test";
import { createAssessment, editorOf, joinWorkspace, signUp, unique } from "./support/people";

// Version history in a real browser: an analyst writes a paragraph and a judgement, names a
// version on the History page (open in a second tab), revises the judgement's statement and
// likelihood, names another version, compares the two (word diff and likelihood change) and
// opens the first one read-only. See docs/history.md.

// Short enough to stay on one line, so End reaches the end of the statement.
const STATEMENT = "Tikhoretsk is likely to stay the main transfer point";
const ADDED = " for years";

test("names two versions, compares them and opens one read-only", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-h-${run}@e2e.parallax.test` });
  try {
    const { assessmentPath, assessmentId } = await createAssessment(avery.page, "History desk", run);
    const editor = editorOf(avery.page);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editor.click();
    await avery.page.keyboard.type("Scope: rail logistics through April.");
    await avery.page.keyboard.press("Enter");
    await avery.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await avery.page.keyboard.type(STATEMENT);
    const likelihood = editor.getByRole("combobox", { name: "Likelihood" });
    await likelihood.selectOption("likely");
    // A version freezes what the server stored: wait until the projection has the judgement.
    const judgementNow = async () => {
      const listed = await avery.page.request.get(`/api/v1/assessments/${assessmentId}/judgements`);
      const [first] = (await listed.json()) as { statement: string; likelihood: string | null }[];
      return `${first?.statement ?? ""} | ${first?.likelihood ?? ""}`;
    };
    await expect.poll(judgementNow).toBe(`${STATEMENT} | likely`);

    // The History page, from the assessment's header, in a second tab: name the first version.
    const history = await avery.context.newPage();
    await history.goto(assessmentPath);
    await history.getByRole("link", { name: "History", exact: true }).click();
    await expect(history).toHaveURL(new RegExp(`${assessmentPath}/history$`));
    await expect(history.getByRole("heading", { level: 1, name: "Version history" })).toBeVisible();
    const nameForm = history.getByRole("form", { name: "Name this version" });
    await nameForm.getByLabel("Name this version").fill("First draft");
    await nameForm.getByRole("button", { name: "Save version" }).click();
    await expect(history.getByText("Saved as version 1.")).toBeVisible();

    // Back in the editor: the statement grows and the likelihood rises.
    await editor.locator("[data-judgement-id]").getByText(STATEMENT).click();
    await avery.page.keyboard.press("End");
    await avery.page.keyboard.type(ADDED);
    await likelihood.selectOption("very_likely");
    await expect.poll(judgementNow).toBe(`${STATEMENT}${ADDED} | very_likely`);
    await history.reload();
    await nameForm.getByLabel("Name this version").fill("Revised");
    await nameForm.getByRole("button", { name: "Save version" }).click();
    await expect(history.getByText("Saved as version 2.")).toBeVisible();

    // Both are listed, newest first; compare them.
    await history.reload();
    const versions = history.getByRole("table", { name: "Versions of this assessment, newest first" });
    await expect(versions.getByRole("row")).toHaveCount(3);
    await expect(versions.getByRole("row").nth(1)).toContainText("Revised");
    await expect(versions.getByRole("row").nth(2)).toContainText("First draft");
    const compareForm = history.getByRole("form", { name: "Compare two versions" });
    await compareForm.getByLabel("From", { exact: true }).selectOption("1");
    await compareForm.getByLabel("To", { exact: true }).selectOption("2");
    await compareForm.getByRole("button", { name: "Compare" }).click();
    await expect(history).toHaveURL(/\/history\?from=1&to=2$/);
    const comparison = history.getByRole("region", {
      name: "Changes from version 1 (First draft) to version 2 (Revised)",
    });
    const card = comparison.getByRole("article");
    await expect(card).toHaveCount(1);
    await expect(card.locator("ins").filter({ hasText: ADDED.trim() })).toBeVisible();
    await expect(card.getByText("Changed", { exact: true })).toBeVisible();
    const likelihoodFact = card.getByRole("definition").first();
    await expect(likelihoodFact.locator("del")).toHaveText("likely (55–80%)");
    await expect(likelihoodFact.locator("ins")).toHaveText("very likely (80–95%)");
    await expect(comparison.getByText("No other text changed.")).toBeVisible();

    // Version 1 opens read-only at its own address, without the later words.
    await versions.getByRole("link", { name: "Open version 1" }).click();
    await expect(history).toHaveURL(new RegExp(`${assessmentPath}/versions/1$`));
    await expect(history.getByText(/^Version 1 · First draft · named .* · read-only$/)).toBeVisible();
    const article = history.getByRole("article", { name: `Version 1 of Tikhoretsk ${run}` });
    await expect(article).toContainText(STATEMENT);
    await expect(article).not.toContainText(`${STATEMENT}${ADDED}`);
    await expect(article).toContainText("Likelihood: likely (55–80%)");
    await expect(history.getByRole("textbox", { name: "Assessment text" })).toHaveCount(0);
  } finally {
    await avery.context.close();
  }
});

/** Names the version on the History page form and waits for the confirmation. */
async function nameVersion(history: Page, name: string, number: number) {
  const nameForm = history.getByRole("form", { name: "Name this version" });
  await nameForm.getByLabel("Name this version").fill(name);
  await nameForm.getByRole("button", { name: "Save version" }).click();
  await expect(history.getByText(`Saved as version ${number}.`)).toBeVisible();
}

test("a comparison shows a judgement whose cited observation was re-graded in between as changed", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-hg-${run}@e2e.parallax.test` });
  try {
    const { assessmentPath, assessmentId, workspaceId } = await createAssessment(avery.page, "Regrade desk", run);
    const post = async (path: string, data: unknown) => {
      const response = await avery.page.request.post(`/api/v1/workspaces/${workspaceId}${path}`, { data });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { id: string };
    };
    const source = await post("/sources", { publisher: "Anonymous Telegram channel", type: "media", reliability: "F" });
    const observation = await post("/observations", {
      externalId: "OBS-RG",
      summary: "About 50 rail cars at the Tikhoretsk depot.",
      observed: { precision: "month", month: "2024-04" },
      quantities: [{ metric: "rail_cars", value: 50, approximate: true }],
      credibility: 6,
      sourceIds: [source.id],
    });

    // The judgement cites the observation, graded 6 (truth cannot be judged).
    const editor = editorOf(avery.page);
    await expect(avery.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editor.click();
    await avery.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await avery.page.keyboard.type(STATEMENT);
    await editor.getByRole("button", { name: "Cite evidence" }).click();
    const picker = avery.page.getByRole("dialog", { name: "Cite evidence" });
    await picker.getByRole("combobox", { name: "Search evidence" }).fill("about 50 rail");
    await picker
      .getByRole("listbox", { name: "Observations" })
      .getByRole("option", { name: /OBS-RG/ })
      .click();
    await expect(picker).toBeHidden();
    await expect
      .poll(async () => {
        const listed = await avery.page.request.get(`/api/v1/assessments/${assessmentId}/judgements`);
        const [first] = (await listed.json()) as { citations: { observationId: string }[] }[];
        return first?.citations.map((citation) => citation.observationId) ?? [];
      })
      .toEqual([observation.id]);

    const history = await avery.context.newPage();
    await history.goto(`${assessmentPath}/history`);
    await nameVersion(history, "Before the re-grade", 1);
    // Re-counted and re-graded in the library: the text does not change, what it rests on does.
    const regraded = await avery.page.request.patch(
      `/api/v1/workspaces/${workspaceId}/observations/${observation.id}`,
      {
        data: { credibility: 5, revision: 1, quantities: [{ metric: "rail_cars", value: 45, approximate: true }] },
      },
    );
    expect(regraded.status(), await regraded.text()).toBe(200);
    await history.reload();
    await nameVersion(history, "After the re-grade", 2);

    await history.goto(`${assessmentPath}/history?from=1&to=2`);
    const comparison = history.getByRole("region", {
      name: "Changes from version 1 (Before the re-grade) to version 2 (After the re-grade)",
    });
    await expect(comparison.getByText("No judgement changed.")).toHaveCount(0);
    const card = comparison.getByRole("article");
    await expect(card).toHaveCount(1);
    await expect(card.getByText("Changed", { exact: true })).toBeVisible();
    await expect(card.getByRole("list", { name: "Citation changes" })).toHaveText(
      "Cited evidence changed: OBS-RG: revised (revision 1 → 2): rail cars ≈50 → ≈45; re-graded: credibility 6 → 5 (Improbable). " +
        "About 50 rail cars at the Tikhoretsk depot.",
    );
  } finally {
    await avery.context.close();
  }
});

test("a colleague's new versions appear on an open History page without a reload, keeping what was typed there", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const dana = await signUp(browser, baseURL, { name: "Dana Owner", email: `dana-hl-${run}@e2e.parallax.test` });
  const sam = await signUp(browser, baseURL, { name: "Sam Analyst", email: `sam-hl-${run}@e2e.parallax.test` });
  try {
    const { assessmentPath, workspaceId } = await createAssessment(dana.page, "Live history desk", run);
    await joinWorkspace(dana.page, sam.page, workspaceId, "analyst");

    // Sam reads the History page and starts naming a version, without saving it yet.
    await sam.page.goto(`${assessmentPath}/history`);
    await expect(sam.page.getByText("No versions yet.", { exact: false })).toBeVisible();
    const samName = sam.page.getByRole("form", { name: "Name this version" }).getByLabel("Name this version");
    await samName.fill(`Sam's unsaved name ${run}`);
    // Set on this page only: a reload would lose it.
    await sam.page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const samVersions = sam.page.getByRole("table", { name: "Versions of this assessment, newest first" });

    // Dana names a version on her own History page: it appears on Sam's.
    await dana.page.goto(`${assessmentPath}/history`);
    await nameVersion(dana.page, `Dana's checkpoint ${run}`, 1);
    await expect(samVersions.getByRole("row").filter({ hasText: `Dana's checkpoint ${run}` })).toContainText(
      "by Dana Owner",
    );

    // Dana restores it (Sam's page is surely live by now): the restore's version appears too.
    const danaVersions = dana.page.getByRole("table", { name: "Versions of this assessment, newest first" });
    const restore = danaVersions.getByRole("button", { name: "Restore version 1" });
    const dialog = dana.page.getByRole("dialog", { name: "Restore version 1?" });
    await expect(async () => {
      if (!(await dialog.isVisible())) await restore.click();
      await expect(dialog).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(samVersions.getByRole("row").nth(1)).toContainText("Restored from version 1");
    await expect(samVersions.getByRole("row")).toHaveCount(3);

    // Nothing Sam typed was lost, and the page was never reloaded.
    await expect(samName).toHaveValue(`Sam's unsaved name ${run}`);
    expect(await sam.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await dana.context.close();
    await sam.context.close();
  }
});
