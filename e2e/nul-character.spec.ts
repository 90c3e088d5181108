import { expect, type Page, test } from "@playwright/test";
import { createAssessment, editorOf, signUp, unique } from "./support/people";

// A NUL character (U+0000) in what a user types: PostgreSQL cannot store it. The search page
// drops it from the query, the library's filter says what to remove, and one pasted into the
// assessment text is kept there while the search index keeps following the text.

/** Every uncaught error of the page, as text. */
function pageErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("a NUL character in a search, a filter or the text never takes a page down", async ({ browser, baseURL }) => {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-nul-${run}@e2e.parallax.test` });
  try {
    const page = avery.page;
    const errors = pageErrorsOf(page);
    const { workspaceId, assessmentPath } = await createAssessment(page, "Nul desk", run);

    // Pasted text with a NUL in it: the edit is saved, and search finds its words.
    await expect(page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    await editorOf(page).click();
    await page.keyboard.insertText(`Shunting\u0000 at the railhead ${run.replace(/\W/g, "")}.`);
    await expect(page.getByRole("status", { name: "Document status: Saved" })).toBeVisible();

    // The search page drops the NUL from its query and shows the hits.
    const results = page.getByRole("region", { name: "Results" });
    await expect(async () => {
      await page.goto(`/w/${workspaceId}/search?q=shunting%00`);
      await expect(results).toContainText(`Tikhoretsk ${run}`, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await expect(page.getByLabel("Search for")).toHaveValue("shunting");

    // The library's text filter names the character to remove.
    await page.goto(`/w/${workspaceId}/library?q=rail%00`);
    // Filtered: Next's route announcer is an alert too.
    await expect(page.getByRole("alert").filter({ hasText: "cannot be searched" })).toContainText(
      "Remove the NUL character (U+0000)",
    );

    // The text still holds what was pasted.
    await page.goto(assessmentPath);
    await expect(editorOf(page)).toContainText("at the railhead");
    expect(errors).toEqual([]);
  } finally {
    await avery.context.close();
  }
});
