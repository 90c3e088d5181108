import path from "node:path";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { joinWorkspace, signUp, UUID, unique } from "./support/people";

// The evidence library through its pages: an analyst imports the example dataset, searches it,
// edits and retracts an observation; a colleague editing the same revision gets the conflict, and
// their open list follows the retraction live. A viewer reads without write controls.

const FIXTURE = path.join(import.meta.dirname, "../server/evidence/fixtures/dprk-russia-observations.json");
const BLAKE_SUMMARY = "About 50 rail cars at Tikhoretsk in April 2024, down from about 60 in February.";
const AVERY_SUMMARY = "Roughly 50 rail cars in April 2024.";

/** The observations table's link to an observation, by its file id. */
function observationLink(page: Page, externalId: string) {
  return page.getByRole("table").getByRole("link", { name: externalId, exact: true });
}

/** The table row of an observation, by its file id. */
function observationRow(page: Page, externalId: string) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: externalId, exact: true }) });
}

async function createWorkspace(page: Page, run: string): Promise<string> {
  await page.getByLabel("Workspace name", { exact: true }).fill(`Library desk ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

test("an analyst imports, searches, edits and retracts observations; a stale edit and a live list show it", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-l-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    const workspaceId = await createWorkspace(avery.page, run);
    const library = `/w/${workspaceId}/library`;
    const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-l-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");
    const page = blake.page;

    // The workspace nav leads to an empty library.
    await page.goto(`/w/${workspaceId}`);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Library" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Evidence library" })).toBeVisible();
    await expect(page.getByText("No observations yet.")).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Evidence library" });
    await expect(tabs.getByRole("link", { name: "Observations" })).toHaveAttribute("aria-current", "page");

    // A file with a bad record is refused whole, with the record named.
    await tabs.getByRole("link", { name: "Import & export" }).click();
    await expect(tabs.getByRole("link", { name: "Import & export" })).toHaveAttribute("aria-current", "page");
    const broken = {
      sources: [{ id: "S1", publisher: "Example wire" }],
      observations: [
        { id: "OBS-X", date: "2024-13", date_precision: "month", summary: "Bad month", source_ids: ["S1"] },
      ],
    };
    await page.getByLabel("Library file", { exact: true }).setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const problems = page.getByRole("region", { name: /to fix in the file; nothing was imported/ });
    await expect(problems).toContainText("Observation 1");
    await expect(problems).toContainText("OBS-X");

    // The example dataset imports: 28 sources, 11 sites, 40 observations.
    await page.getByLabel("Library file", { exact: true }).setInputFiles(FIXTURE);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const summary = page.getByRole("table", { name: "Imported from dprk-russia-observations.json" });
    await expect(summary.getByRole("row", { name: /observations/ })).toContainText("40");
    await expect(summary.getByRole("row", { name: /sources/ })).toContainText("28");

    // The list shows OBS-26 with its month-precision date, quantity and grade.
    await tabs.getByRole("link", { name: "Observations" }).click();
    await expect(observationRow(page, "OBS-26")).toContainText("Feb 2024");
    await expect(observationRow(page, "OBS-26")).toContainText("rail_cars ≈ 60");
    await expect(observationRow(page, "OBS-26")).toContainText("F6");

    // Search by text, then by observed dates (a month overlaps the days searched).
    const search = page.getByRole("search", { name: "Search observations" });
    await search.getByLabel("Text").fill("Tikhoretsk");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=Tikhoretsk/);
    await expect(observationLink(page, "OBS-26")).toBeVisible();
    await expect(observationLink(page, "OBS-01")).toHaveCount(0);
    await search.getByLabel("Text").fill("");
    await search.getByLabel("Observed from").fill("2024-04-10");
    await search.getByLabel("Observed to").fill("2024-04-20");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/from=2024-04-10&to=2024-04-20/);
    await expect(observationLink(page, "OBS-27")).toBeVisible();
    await expect(observationLink(page, "OBS-26")).toHaveCount(0);

    // Blake and Avery both open OBS-27 for editing, at the same revision.
    await observationLink(page, "OBS-27").click();
    await expect(page.getByRole("heading", { name: "Observation OBS-27" })).toBeVisible();
    const observationPath = new URL(page.url()).pathname;
    await avery.page.goto(`${observationPath}/edit`);
    await expect(avery.page.getByLabel("Summary", { exact: true })).toHaveValue(/About 50 rail cars/);
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByLabel("Summary", { exact: true }).fill(BLAKE_SUMMARY);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`${observationPath}$`));
    await expect(page.getByRole("region", { name: "Details" })).toContainText(BLAKE_SUMMARY);

    // Avery's open form learns of it live, and saving shows Blake's version instead of overwriting it.
    await expect(avery.page.getByText("Blake Analyst changed this observation since you opened it")).toBeVisible();
    await avery.page.getByLabel("Summary", { exact: true }).fill(AVERY_SUMMARY);
    await avery.page.getByRole("button", { name: "Save changes" }).click();
    await expect(
      avery.page.getByRole("alert").filter({ hasText: "Someone else changed this observation" }),
    ).toBeVisible();
    const stale = avery.page.getByRole("region", {
      name: /Blake Analyst changed this observation while you were editing/,
    });
    await expect(stale.getByRole("definition").first()).toHaveText(BLAKE_SUMMARY);
    await stale.getByRole("button", { name: "Discard mine and load their version" }).click();
    await expect(avery.page.getByLabel("Summary", { exact: true })).toHaveValue(BLAKE_SUMMARY);

    // Avery watches the list while Blake retracts OBS-27; the list follows without a reload.
    await avery.page.goto(library);
    await expect(observationRow(avery.page, "OBS-27")).not.toContainText("Retracted");
    await avery.page.evaluate(() => {
      (window as unknown as { keptAlive: boolean }).keptAlive = true;
    });
    await page.getByRole("button", { name: "Retract" }).click();
    const dialog = page.getByRole("dialog", { name: "Retract OBS-27?" });
    await dialog.getByLabel("Reason for retraction").fill("The April imagery was misdated by the relaying outlet.");
    await dialog.getByRole("button", { name: "Retract observation" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "misdated by the relaying outlet" })).toContainText(
      "Retracted by Blake Analyst",
    );
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(observationRow(avery.page, "OBS-27")).toContainText("Retracted");
    expect(await avery.page.evaluate(() => (window as unknown as { keptAlive?: boolean }).keptAlive)).toBe(true);
    await page.goto(`${library}?status=retracted`);
    await expect(observationRow(page, "OBS-27")).toContainText("Retracted");
    await expect(page.getByText("1 observation match, oldest observed first.")).toBeVisible();

    // A viewer reads the same observation and the library, without any control to change them.
    const casey = await signUp(browser, baseURL, { name: "Casey Viewer", email: `casey-l-${run}@e2e.parallax.test` });
    contexts.push(casey.context);
    await joinWorkspace(avery.page, casey.page, workspaceId, "viewer");
    await casey.page.goto(observationPath);
    await expect(casey.page.getByRole("region", { name: "Details" })).toContainText(BLAKE_SUMMARY);
    await expect(casey.page.getByRole("region", { name: "History" })).toContainText("Retracted");
    await expect(casey.page.getByRole("button", { name: "Retract" })).toHaveCount(0);
    await casey.page.goto(library);
    await expect(casey.page.getByRole("link", { name: "New observation" })).toHaveCount(0);
    await casey.page.goto(`${library}/transfer`);
    await expect(casey.page.getByLabel("Library file", { exact: true })).toHaveCount(0);
    await expect(casey.page.getByRole("link", { name: "Download JSON" })).toBeVisible();
  } finally {
    for (const context of contexts) await context.close();
  }
});

test("an owner records a source, a site and an observation through the forms, with the server's messages beside the inputs", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-f-${run}@e2e.parallax.test` });
  try {
    const { page } = avery;
    const workspaceId = await createWorkspace(page, run);
    await page.goto(`/w/${workspaceId}/library/sources`);
    await expect(page.getByText("No sources yet.")).toBeVisible();

    // A source, first with an impossible published date.
    await page.getByRole("link", { name: "New source" }).click();
    await page.getByLabel("Publisher or originator").fill("Example Wire");
    await page.getByLabel("Source reliability").selectOption({ label: "B — Usually reliable" });
    await page.getByLabel("Published").fill("2024-99");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByLabel("Published")).toHaveAccessibleDescription(/Enter the published date as YYYY/);
    await expect(page.getByLabel("Publisher or originator")).toHaveValue("Example Wire");
    await page.getByLabel("Published").fill("2024-04-18");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByRole("heading", { name: "Example Wire" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Details" })).toContainText("B — Usually reliable");

    // A site, first with half a coordinate pair.
    await page.getByRole("navigation", { name: "Evidence library" }).getByRole("link", { name: "Sites" }).click();
    await page.getByRole("link", { name: "New site" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Tikhoretsk depot");
    await page.getByLabel("Latitude").fill("45.85");
    await page.getByLabel("Coordinate precision").selectOption({ label: "Town or village position" });
    await page.getByRole("button", { name: "Add site" }).click();
    await expect(page.getByLabel("Longitude")).toHaveAccessibleDescription(/Give both latitude and longitude/);
    await page.getByLabel("Longitude").fill("40.13");
    await page.getByLabel("Country").fill("ru");
    await page.getByRole("button", { name: "Add site" }).click();
    await expect(page.getByRole("row", { name: /Tikhoretsk depot/ })).toContainText("45.8500° N, 40.1300° E");

    // An observation citing both, first with a metric that is not lower_snake_case.
    await page
      .getByRole("navigation", { name: "Evidence library" })
      .getByRole("link", { name: "Observations" })
      .click();
    await page.getByRole("link", { name: "New observation" }).click();
    await page.getByLabel("Summary").fill("About 50 rail cars at the depot.");
    await page.getByLabel("Id (optional)").fill("OBS-T1");
    await page.getByLabel("Site").selectOption({ label: "Tikhoretsk depot" });
    await page.getByLabel("Date precision").selectOption("month");
    await page.getByLabel("Observed in (month)").fill("2024-04");
    await page.getByRole("button", { name: "Add a quantity" }).click();
    await page.getByLabel("Metric").fill("Rail Cars");
    await page.getByLabel("Value").fill("50");
    await page.getByLabel("Approximately").check();
    await page.getByLabel("Information credibility").selectOption({ label: "2 — Probably true" });
    await page.getByRole("checkbox", { name: /Example Wire/ }).check();
    await page.getByLabel(/Attributed to/).fill("Russian Ministry of Defence");
    await page.getByRole("button", { name: "Record observation" }).click();
    await expect(page.getByLabel("Metric")).toHaveAccessibleDescription(/lower_snake_case/);
    await page.getByLabel("Metric").fill("rail_cars");
    await page.getByRole("button", { name: "Record observation" }).click();

    await expect(page.getByRole("heading", { name: "Observation OBS-T1" })).toBeVisible();
    const details = page.getByRole("region", { name: "Details" });
    await expect(details).toContainText("Apr 2024");
    await expect(details).toContainText("rail_cars ≈ 50");
    const sources = page.getByRole("region", { name: "Sources" });
    await expect(sources).toContainText("Attributed to Russian Ministry of Defence");
    await expect(sources).toContainText("B2");
    await page.goto(`/w/${workspaceId}/library?credibility=2&reliability=B`);
    await expect(page.getByRole("row", { name: /OBS-T1/ })).toContainText("B2");
  } finally {
    await avery.context.close();
  }
});
