import { expect, type Page, test } from "@playwright/test";
import { createAssessment, editorOf, signUp, unique } from "./support/people";

// The assessment page as a user meets it: it loads without a script error.

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
