import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";

// The demo workspace the server seeds on first start (server/demo/seed-demo-workspace.ts): its
// assessment has judgements, none of them a forecast yet.
const DEMO_WORKSPACE = "Beyond Parallel (demo)";
const ANALYST = { email: "analyst@demo.parallax.local", password: "parallax-demo-analyst" };
const REVIEWER = { email: "reviewer@demo.parallax.local", password: "parallax-demo-reviewer" };

async function signIn(browser: Browser, baseURL: string | undefined, person: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL });
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: person.email, password: person.password, json: "true" },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return { context, page: await context.newPage() };
}

/** The demo assessment's page path and id, and its first judgement with a likelihood. */
async function demoAssessment(page: Page) {
  const me = (await (await page.request.get("/api/v1/me")).json()) as { workspaces: { id: string; name: string }[] };
  const workspaceId = me.workspaces.find((workspace) => workspace.name === DEMO_WORKSPACE)?.id ?? "";
  const listed = await page.request.get(`/api/v1/workspaces/${workspaceId}/assessments`);
  const [assessment] = (await listed.json()) as { id: string }[];
  const assessmentId = assessment?.id ?? "";
  const judgements = (await (await page.request.get(`/api/v1/assessments/${assessmentId}/judgements`)).json()) as {
    id: string;
    likelihood: string | null;
  }[];
  const judgementId = judgements.find((judgement) => judgement.likelihood)?.id ?? "";
  expect(judgementId).not.toBe("");
  return { path: `/w/${workspaceId}/a/${assessmentId}`, assessmentId, judgementId };
}

test("the assessment page loads its judgements' forecasts without a failed request or console error", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await signIn(browser, baseURL, ANALYST);
  try {
    const demo = await demoAssessment(page);
    const problems: string[] = [];
    // The page's own requests only: the browser's automatic /favicon.ico request is another matter.
    page.on("console", (message) => {
      const { url } = message.location();
      if (message.type() === "error" && url.includes("/api/")) problems.push(`${message.text()} (${url})`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && response.url().includes("/api/")) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    await page.goto(demo.path);
    // Every judgement in the review panel shows its forecast control once the forecasts are loaded.
    const panel = page.getByRole("list", { name: "Judgements under review" });
    const judgements = panel.locator("[data-review-judgement-id]");
    await expect(judgements.first()).toBeVisible();
    const count = await judgements.count();
    await expect(panel.locator("summary", { hasText: /^Forecast/ })).toHaveCount(count);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

test("before its resolve-by day a forecast can be resolved as happened or annulled, not as did not happen", async ({
  browser,
  baseURL,
}) => {
  const contexts: BrowserContext[] = [];
  const analyst = await signIn(browser, baseURL, ANALYST);
  contexts.push(analyst.context);
  const demo = await demoAssessment(analyst.page);
  const forecastUrl = `/api/v1/assessments/${demo.assessmentId}/judgements/${demo.judgementId}/forecast`;
  try {
    const resolveBy = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const past = await analyst.page.request.put(forecastUrl, {
      data: { resolveBy: "2020-01-01", criterion: "Rail cars counted at the depot." },
    });
    expect(past.status()).toBe(400);
    expect(Object.keys(((await past.json()) as { error: { fields: object } }).error.fields)).toEqual(["resolveBy"]);
    const set = await analyst.page.request.put(forecastUrl, {
      data: { resolveBy, criterion: "Rail cars counted at the depot." },
    });
    expect(set.status()).toBe(200);

    const reviewer = await signIn(browser, baseURL, REVIEWER);
    contexts.push(reviewer.context);
    await reviewer.page.goto(demo.path);
    const item = reviewer.page.locator(`[data-review-judgement-id="${demo.judgementId}"]`);
    await item.locator("summary", { hasText: "Forecast: open" }).click();
    const form = item.getByRole("form", { name: "Record the outcome" });
    await expect(form.getByLabel("Outcome").locator("option")).toHaveText(["Happened", "Annulled"]);
    await expect(form).toContainText(`“Did not happen” can be recorded from`);
  } finally {
    await analyst.page.request.delete(forecastUrl);
    for (const context of contexts) await context.close();
  }
});

test("a forecast set, reworded or removed on one page shows on another open page without a reload", async ({
  browser,
  baseURL,
}) => {
  const contexts: BrowserContext[] = [];
  const analyst = await signIn(browser, baseURL, ANALYST);
  contexts.push(analyst.context);
  const demo = await demoAssessment(analyst.page);
  const forecastUrl = `/api/v1/assessments/${demo.assessmentId}/judgements/${demo.judgementId}/forecast`;
  try {
    const reviewer = await signIn(browser, baseURL, REVIEWER);
    contexts.push(reviewer.context);
    await reviewer.page.goto(demo.path);
    const summary = reviewer.page.locator(`[data-review-judgement-id="${demo.judgementId}"] summary`, {
      hasText: /^Forecast/,
    });
    // A reviewer sees no forecast control on a judgement that is not a forecast.
    await expect(reviewer.page.locator(`[data-review-judgement-id="${demo.judgementId}"]`)).toBeVisible();
    await expect(summary).toHaveCount(0);
    // The analyst, on another page, makes the judgement a forecast…
    const resolveBy = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const set = await analyst.page.request.put(forecastUrl, {
      data: { resolveBy, criterion: "Imagery shows at least 40 rail cars at the depot." },
    });
    expect(set.status()).toBe(200);
    await expect(summary).toHaveText("Forecast: open");
    await summary.click();
    await expect(summary.locator("..")).toContainText("Imagery shows at least 40 rail cars at the depot.");
    // …rewords it, and then removes it.
    const reworded = await analyst.page.request.put(forecastUrl, {
      data: { resolveBy, criterion: "Imagery shows at least 45 rail cars at the depot." },
    });
    expect(reworded.status()).toBe(200);
    await expect(summary.locator("..")).toContainText("Imagery shows at least 45 rail cars at the depot.");
    expect((await analyst.page.request.delete(forecastUrl)).status()).toBe(204);
    await expect(summary).toHaveCount(0);
  } finally {
    await analyst.page.request.delete(forecastUrl);
    for (const context of contexts) await context.close();
  }
});
