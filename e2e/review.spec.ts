import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { createAssessment, editorOf, joinWorkspace, selectWithMouse, signUp, unique } from "./support/people";

// Per-judgement reviews in real browsers: an owner sets up the workspace, an analyst writes a
// judgement, a reviewer approves it in the Reviews panel and watches the approval go stale,
// live, when the analyst changes it.

// Short enough for one line, so End goes to the end of the statement.
const STATEMENT = "Tikhoretsk will stay crucial to Russia.";
const PHRASE = "stay crucial";

/** One imagery source graded B, the Tikhoretsk depot and one observation graded 2 (owner's session). */
async function addObservation(page: Page, workspaceId: string): Promise<string> {
  const base = `/api/v1/workspaces/${workspaceId}`;
  const post = async (path: string, data: unknown) => {
    const response = await page.request.post(`${base}${path}`, { data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  };
  const source = await post("/sources", {
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
  const observation = await post("/observations", {
    externalId: "OBS-26",
    summary: "About 50 rail cars at the Tikhoretsk depot.",
    siteId: site.id,
    observed: { precision: "month", month: "2024-04" },
    quantities: [{ metric: "rail_cars", value: 50, approximate: true }],
    credibility: 2,
    sourceIds: [source.id],
  });
  return observation.id;
}

function reviewsOf(page: Page): Locator {
  return page.getByRole("region", { name: "Reviews" });
}

/** One judgement's entry in the Reviews panel. */
function reviewItem(page: Page, judgementId: string): Locator {
  return reviewsOf(page).locator(`[data-review-judgement-id="${judgementId}"]`);
}

function judgementBlock(page: Page, judgementId: string): Locator {
  return editorOf(page).locator(`[data-judgement-id="${judgementId}"]`);
}

/** The review status badge inside a panel entry or a judgement block ("Review status: Stale 0/1 (…)"). */
function badgeOf(container: Locator): Locator {
  return container.getByText(/^Review status: \S/);
}

/** A panel entry's verdicts (each reviewer's latest), not the lines of what changed inside them. */
function verdictsOf(item: Locator): Locator {
  return item.getByRole("list", { name: "Verdicts" }).locator(":scope > li");
}

test("a reviewer approves a judgement in the panel and sees the approval go stale live when the analyst changes it", async ({
  browser,
  baseURL,
}) => {
  // Three people in three browsers against one server on a busy machine.
  test.setTimeout(180_000);
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-r-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const { workspaceId, assessmentPath, assessmentId } = await createAssessment(avery.page, "Review desk", run);
    const observationId = await addObservation(avery.page, workspaceId);
    const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-r-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");
    const casey = await signUp(browser, baseURL, { name: "Casey Reviewer", email: `casey-r-${run}@e2e.parallax.test` });
    contexts.push(casey.context);
    await joinWorkspace(avery.page, casey.page, workspaceId, "reviewer");
    await casey.page.goto(assessmentPath);
    await expect(reviewsOf(casey.page)).toContainText("No judgements yet");

    // Blake writes a judgement: statement, likelihood and confidence.
    await blake.page.goto(assessmentPath);
    const blakeEditor = editorOf(blake.page);
    await expect(blake.page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await blakeEditor.click();
    await blake.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Judgement" }).click();
    await blake.page.keyboard.type(STATEMENT);
    await blakeEditor.getByRole("combobox", { name: "Likelihood" }).selectOption("likely");
    await blakeEditor.getByRole("combobox", { name: "Confidence" }).selectOption("moderate");
    await blakeEditor.getByRole("button", { name: "Cite evidence" }).click();
    const picker = blake.page.getByRole("dialog", { name: "Cite evidence" });
    await picker.getByRole("combobox", { name: "Search evidence" }).fill("about 50 rail");
    await picker
      .getByRole("listbox", { name: "Observations" })
      .getByRole("option", { name: /OBS-26/ })
      .click();
    await expect(picker).toBeHidden();
    const judgementId = (await blakeEditor.locator("[data-judgement-id]").getAttribute("data-judgement-id")) ?? "";
    expect(judgementId).toMatch(/^jdg_/);

    // Casey's panel picks the judgement up live, awaiting review, and the block shows the same.
    const caseyItem = reviewItem(casey.page, judgementId);
    await expect(caseyItem).toContainText(STATEMENT);
    await expect(badgeOf(caseyItem)).toContainText("Awaiting review 0/1");
    await expect(badgeOf(judgementBlock(casey.page, judgementId))).toContainText("Awaiting review 0/1");
    await expect(caseyItem).toContainText("No verdicts yet.");

    // Casey comments on a phrase of the statement; Blake sees the thread live, edits the
    // statement around it and replies; Casey sees the reply without reloading.
    await selectWithMouse(casey.page, PHRASE);
    const comments = (page: Page) => page.getByRole("region", { name: "Comments" });
    await comments(casey.page).getByRole("button", { name: "Comment", exact: true }).click();
    const form = comments(casey.page).getByRole("region", { name: "New comment" });
    await form.getByRole("textbox", { name: "Comment" }).fill("Which imagery supports this?");
    await form.getByRole("button", { name: "Comment", exact: true }).click();
    const blakeThread = comments(blake.page).getByRole("article", { name: `Comment thread on “${PHRASE}”` });
    await expect(blakeThread).toContainText("Which imagery supports this?");
    await judgementBlock(blake.page, judgementId).getByText(STATEMENT).click();
    await blake.page.keyboard.press("Home");
    await blake.page.keyboard.type("In our view ");
    await expect(judgementBlock(casey.page, judgementId)).toContainText(`In our view ${STATEMENT}`);
    await expect(editorOf(casey.page).locator(".comment-highlight")).toHaveText(PHRASE);
    await blakeThread.getByRole("button", { name: `Show “${PHRASE}” in the text` }).click();
    await blakeThread.getByRole("textbox", { name: "Reply" }).fill("OBS-26, April 2024.");
    await blakeThread.getByRole("button", { name: "Reply" }).click();
    const caseyThread = comments(casey.page).getByRole("article", { name: `Comment thread on “${PHRASE}”` });
    await expect(caseyThread).toContainText("OBS-26, April 2024.");

    // Blake (analyst) sees the status but no verdict buttons, and the API refuses his approval.
    const blakeItem = reviewItem(blake.page, judgementId);
    await expect(badgeOf(blakeItem)).toContainText("Awaiting review 0/1");
    await expect(blakeItem.getByRole("button", { name: /Approve|Request changes/ })).toHaveCount(0);
    const refused = await blake.page.request.post(
      `/api/v1/assessments/${assessmentId}/judgements/${judgementId}/reviews`,
      { data: { verdict: "approved" } },
    );
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden:review");

    // Casey approves in the panel; both see "Approved 1/1", Blake without reloading.
    await caseyItem.getByRole("button", { name: "Approve" }).click();
    await expect(badgeOf(caseyItem)).toContainText("Approved 1/1");
    const caseyVerdicts = verdictsOf(caseyItem);
    await expect(caseyVerdicts).toHaveCount(1);
    await expect(caseyVerdicts).toContainText("Casey Reviewer");
    await expect(caseyVerdicts).toContainText("approved");
    await expect(caseyVerdicts).toContainText("current");
    await expect(badgeOf(judgementBlock(blake.page, judgementId))).toContainText("Approved 1/1");
    await expect(badgeOf(blakeItem)).toContainText("Approved 1/1");

    // Blake changes the likelihood: Casey's approval goes stale on her page, without a reload,
    // and the panel says what changed.
    await blakeEditor.getByRole("combobox", { name: "Likelihood" }).selectOption("very_likely");
    await expect(badgeOf(caseyItem)).toContainText("Stale 0/1");
    await expect(badgeOf(judgementBlock(casey.page, judgementId))).toContainText("Stale 0/1");
    await expect(caseyVerdicts).toContainText("stale");
    const changes = caseyVerdicts.locator("details", { hasText: "What changed since" });
    await expect(changes).toContainText("Likelihood: likely (55–80%) → very likely (80–95%)");
    await expect(reviewsOf(casey.page)).toContainText("Updated");

    // A statement edit shows as a word diff: what was added is marked as inserted.
    await judgementBlock(blake.page, judgementId).getByText(STATEMENT).click();
    await blake.page.keyboard.press("End");
    await blake.page.keyboard.press("Backspace");
    await blake.page.keyboard.type(" in 2025.");
    await expect(changes.locator("ins")).toContainText("in 2025.");
    await expect(changes.locator("del")).toContainText("Russia.");

    // Requesting changes needs a comment; the comment is shown as text, never as markup.
    await caseyItem.getByRole("button", { name: "Request changes" }).click();
    await caseyItem.getByRole("button", { name: "Send request" }).click();
    await expect(caseyItem.getByText("Say what should change.")).toBeVisible();
    const comment = "Cite the February imagery <img src=x onerror=alert(1)> too.";
    await caseyItem.getByLabel("What should change?").fill(comment);
    await caseyItem.getByRole("button", { name: "Send request" }).click();
    await expect(badgeOf(caseyItem)).toContainText("Changes requested");
    await expect(badgeOf(blakeItem)).toContainText("Changes requested");
    await expect(blakeItem).toContainText(comment);
    await expect(reviewsOf(blake.page).locator("img")).toHaveCount(0);

    // Avery (owner) changes the confidence: having edited the judgement, she is offered no Approve
    // on it, only a request for changes (the server refuses her approval too: review-rules.test.ts).
    await avery.page.goto(assessmentPath);
    await editorOf(avery.page).getByRole("combobox", { name: "Confidence" }).selectOption("high");
    const averyItem = reviewItem(avery.page, judgementId);
    await expect(averyItem).toContainText("Confidence: Moderate confidence → High confidence");
    await expect(averyItem.getByRole("button", { name: "Approve" })).toBeDisabled();
    await expect(averyItem).toContainText("You edited this judgement, so someone else approves it.");
    await expect(averyItem.getByRole("button", { name: "Request changes" })).toBeEnabled();
    await expect(badgeOf(averyItem)).toContainText("Changes requested");
    await expect(verdictsOf(averyItem)).toHaveCount(1);

    // Avery raises the workspace's review rules on the Members page; key judgements may not need
    // fewer approvals than the others. The judgement then needs two current approvals.
    await avery.page.goto(`/w/${workspaceId}/members`);
    const rules = avery.page.getByRole("form", { name: "Review rules" });
    await rules.getByLabel("Each judgement needs").selectOption("3");
    await rules.getByLabel("Each key judgement needs").selectOption("2");
    await rules.getByRole("button", { name: "Save review rules" }).click();
    await expect(
      rules.getByText("Key judgements need at least as many approvals as other judgements (3)."),
    ).toBeVisible();
    await rules.getByLabel("Each judgement needs").selectOption("2");
    await rules.getByRole("button", { name: "Save review rules" }).click();
    await expect(rules.getByRole("status")).toHaveText("Review rules saved.");
    await avery.page.goto(assessmentPath);
    await expect(badgeOf(reviewItem(avery.page, judgementId))).toContainText("0 of 2 required approvals current");

    // Casey approves the judgement as it now stands. Avery re-grades the cited observation in the
    // library: no edit of the text, yet Casey's approval goes stale live, saying why.
    await caseyItem.getByRole("button", { name: "Approve" }).click();
    await expect(badgeOf(caseyItem)).toContainText("Awaiting review 1/2");
    await expect(verdictsOf(caseyItem)).toContainText("current");
    const regraded = await avery.page.request.patch(`/api/v1/workspaces/${workspaceId}/observations/${observationId}`, {
      data: { credibility: 4, revision: 1 },
    });
    expect(regraded.status(), await regraded.text()).toBe(200);
    await expect(badgeOf(caseyItem)).toContainText("Stale 0/2");
    await expect(verdictsOf(caseyItem).locator("details", { hasText: "What changed since" })).toContainText(
      "OBS-26: revised (revision 1 → 2); re-graded: credibility 2 → 4 (Doubtful)",
    );

    // Casey approves the re-graded judgement; then Avery makes Casey a viewer. Only verdicts of
    // people who may review count: Blake's panel drops the approval from the count live, and
    // keeps it in the list with the reason.
    await caseyItem.getByRole("button", { name: "Approve" }).click();
    await expect(badgeOf(blakeItem)).toContainText("Awaiting review 1/2");
    const members = await avery.page.request.get(`/api/v1/workspaces/${workspaceId}/members`);
    const caseyId = ((await members.json()) as { userId: string; name: string }[]).find(
      (member) => member.name === "Casey Reviewer",
    )?.userId;
    const demoted = await avery.page.request.patch(`/api/v1/workspaces/${workspaceId}/members/${caseyId}`, {
      data: { role: "viewer" },
    });
    expect(demoted.status(), await demoted.text()).toBe(200);
    await expect(badgeOf(blakeItem)).toContainText("Awaiting review 0/2");
    await expect(verdictsOf(blakeItem).filter({ hasText: "Casey Reviewer" })).toContainText(
      "not counted: no longer a reviewer",
    );

    // Choosing the judgement in the panel takes a writer's caret to its statement.
    await blakeItem.getByRole("button", { name: /^Judgement: / }).click();
    await expect(blakeEditor).toBeFocused();
    await expect
      .poll(() =>
        blake.page.evaluate(() =>
          window
            .getSelection()
            ?.anchorNode?.parentElement?.closest("[data-judgement-id]")
            ?.getAttribute("data-judgement-id"),
        ),
      )
      .toBe(judgementId);
  } finally {
    for (const context of contexts) await context.close();
  }
});
