import { expect, test } from "@playwright/test";
import { createAssessment, editorOf, signUp, unique } from "./support/people";

// The editor from the keyboard alone: a judgement's own fields are one Tab away from its
// statement, and Tab keeps its meaning in lists.

test("Tab from a judgement's statement reaches that judgement's fields, and Shift+Tab or Escape comes back", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-k-${run}@e2e.parallax.test` });
  try {
    const page = avery.page;
    await createAssessment(page, "Keyboard desk", run);
    await expect(page.getByRole("status", { name: "Document status: Live" })).toBeVisible();
    const editor = editorOf(page);
    await editor.click();
    // Tiptap focuses on the next frame: keys pressed before that go nowhere.
    await expect(editor).toBeFocused();
    await page.keyboard.type("Intro.");
    for (const statement of ["First judgement.", "Second judgement.", "Third judgement."]) {
      await page.keyboard.press("Control+Alt+j");
      await page.keyboard.type(statement);
    }
    const judgements = editor.locator(".judgement-block");
    await expect(judgements).toHaveCount(3);
    const second = judgements.nth(1);
    const likelihoodOf = (index: number) => judgements.nth(index).getByRole("combobox", { name: "Likelihood" });

    // From inside the second statement, Tab lands on the second judgement's Likelihood, and an
    // arrow key there changes that judgement, not the first.
    await second.locator(".judgement-statement").click();
    await expect(editor).toBeFocused();
    await page.keyboard.press("End");
    await page.keyboard.press("Tab");
    await expect(likelihoodOf(1)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(likelihoodOf(1)).toHaveValue("almost_no_chance");
    await expect(likelihoodOf(0)).toHaveValue("");

    // Shift+Tab from the first field goes back into the same statement, caret at its end.
    await page.keyboard.press("Shift+Tab");
    await expect(editor).toBeFocused();
    await page.keyboard.type(" Typed after Shift+Tab.");
    await expect(second.locator(".judgement-statement")).toHaveText("Second judgement. Typed after Shift+Tab.");

    // The fields keep their own order; Escape from any of them returns to the statement.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(second.getByRole("combobox", { name: "Confidence" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(editor).toBeFocused();
    await page.keyboard.type(" And Escape.");
    await expect(second.locator(".judgement-statement")).toHaveText(
      "Second judgement. Typed after Shift+Tab. And Escape.",
    );

    // In a list, Tab still indents the item.
    await judgements.nth(2).locator(".judgement-statement").click();
    await expect(editor).toBeFocused();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("- Depot");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Railhead");
    await page.keyboard.press("Tab");
    await expect(editor).toBeFocused();
    await expect(editor.locator("ul ul li")).toHaveText("Railhead");
  } finally {
    await avery.context.close();
  }
});
