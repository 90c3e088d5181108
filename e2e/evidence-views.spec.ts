import { expect, type Page, test } from "@playwright/test";
import { openMenu, UUID } from "./support/people";

// The demo workspace is seeded on the e2e server's first start with the DPRK–Russia dataset.
const DEMO = {
  email: "analyst@demo.parallax.local",
  password: "parallax-demo-analyst",
  workspace: "Beyond Parallel (demo)",
};

/** Signs the demo analyst in through the form and returns the demo library's path. */
async function openDemoLibrary(page: Page): Promise<string> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(DEMO.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));
  const item = page.getByRole("menuitem", { name: DEMO.workspace });
  await openMenu(page.getByRole("button", { name: /^Workspace:/ }), item);
  await item.click();
  await expect(page.getByRole("button", { name: `Workspace: ${DEMO.workspace}` })).toBeVisible();
  const workspaceId = new URL(page.url()).pathname.split("/")[2];
  return `/w/${workspaceId}/library`;
}

test("the Tikhoretsk site page charts about 60 rail cars in February 2024 and about 50 in April", async ({ page }) => {
  const library = await openDemoLibrary(page);
  await page.goto(`${library}/sites`);
  await page.getByRole("link", { name: /^Tikhoretsk munitions depot/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Tikhoretsk munitions depot/ })).toBeVisible();

  const series = page.getByRole("figure", { name: /^Rail cars/ });
  await expect(
    series.getByRole("img", { name: /^Rail cars at Tikhoretsk.*: ≈60 in Feb 2024, then ≈50 in Apr 2024\.$/ }),
  ).toBeVisible();
  // Drawn by Observable Plot: a labelled point per observation.
  await expect(series.locator("svg text", { hasText: "≈60" })).toBeVisible();
  await expect(series.locator("svg text", { hasText: "≈50" })).toBeVisible();
  await expect(series.getByRole("table", { name: /^Rail cars at Tikhoretsk/ }).getByRole("row")).toHaveText([
    /Observed\s*Value\s*Observation/i,
    /^Feb 2024\s*≈60 \(approximate\)\s*OBS-26$/,
    /^Apr 2024\s*≈50 \(approximate\)\s*OBS-27$/,
  ]);
  // February and April do not overlap: a change over time, not a conflict.
  await expect(page.getByRole("heading", { name: "Conflicts (0)" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Map of Tikhoretsk/ }).locator("path.site-marker")).toHaveCount(1);
});

test("the map draws the bundled world outline and every placed site when no tile server answers", async ({ page }) => {
  // Whatever tile server is configured, refuse it: the map must not depend on one.
  await page.route(/\/\d+\/\d+\/\d+\.png/, (route) => route.abort("internetdisconnected"));
  const library = await openDemoLibrary(page);
  await page.goto(`${library}/map`);

  const map = page.getByRole("region", { name: "Map of 10 sites" });
  await expect(map.locator("path.site-marker")).toHaveCount(10);
  expect(await map.locator("path.world-outline").count()).toBeGreaterThan(100);
  await expect(map.getByRole("status")).toHaveText(/Map tiles could not be loaded/);
  // The list beside the map reaches the same sites without it.
  await expect(page.getByRole("heading", { name: "On the map (10)" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Tikhoretsk munitions depot/ })).toBeVisible();

  // The last site drawn lies on top; Zhoushan is far from the clustered Rason sites.
  const zhoushan = map.locator("path.site-marker").last();
  await zhoushan.hover();
  await expect(map.getByRole("tooltip", { name: "Zhoushan Xinya Shipyard" })).toBeVisible();
  await zhoushan.click();
  await map.getByRole("link", { name: "Open the site's page" }).click();
  await expect(page).toHaveURL(new RegExp(`${library}/sites/${UUID}$`));
  await expect(page.getByRole("heading", { level: 2, name: "Zhoushan Xinya Shipyard" })).toBeVisible();
});

test("a site's popup on the map gives its latest quantities, and sites with conflicting sources stand out", async ({
  page,
}) => {
  await page.route(/\/\d+\/\d+\/\d+\.png/, (route) => route.abort("internetdisconnected"));
  const library = await openDemoLibrary(page);
  await page.goto(`${library}/map`);
  const map = page.getByRole("region", { name: "Map of 10 sites" });
  const markers = map.locator("path.site-marker");
  await expect(markers).toHaveCount(10);
  // Several depots overlap at this zoom: open each marker's popup in turn and read it.
  const popups: string[] = [];
  for (let index = 0; index < 10; index += 1) {
    await markers.nth(index).dispatchEvent("click");
    const popup = map.locator(".leaflet-popup-content");
    await expect(popup).toBeVisible();
    popups.push(((await popup.textContent()) ?? "").replace(/\s+/g, " "));
    await map.locator(".leaflet-popup-close-button").click();
    await expect(popup).toHaveCount(0);
  }
  expect(popups.find((text) => text.startsWith("Tikhoretsk munitions depot"))).toContain(
    "Rail cars: ≈60 (Feb 2024) → ≈50 (Apr 2024)",
  );
  // Each amber marker's popup says how many conflicts involve its site, and only those (the demo's
  // sites on the map have none; site-map-summary.test.ts counts them).
  const flagged = popups.filter((text) => /⚠ \d+ conflicts? between sources/.test(text));
  await expect(map.locator("path.site-marker--conflict")).toHaveCount(flagged.length);
});

test("the conflicts page shows who the 10,000 containers figure is attributed to", async ({ page }) => {
  const library = await openDemoLibrary(page);
  await page.goto(`${library}/conflicts`);

  const conflict = page.getByRole("article", { name: "OBS-19: its sources name different originators" });
  await expect(conflict).toContainText("Attribution conflict");
  await expect(conflict).toContainText(
    "The sources of OBS-19 attribute it to different originators: U.S. Department of State",
  );
  const row = conflict.getByRole("row", { name: /OBS-19/ });
  await expect(row).toContainText("more than 10,000 containers");
  await expect(row.getByRole("cell", { name: "10,000", exact: true })).toBeVisible();
  await expect(row.getByRole("listitem")).toHaveText([
    /^U\.S\. Department of State.*published by S09$/,
    /^The White House\s*attributed by S07$/,
  ]);
  await row.getByRole("link", { name: "OBS-19" }).click();
  await expect(page).toHaveURL(new RegExp(`${library}/observations/${UUID}$`));
});
