import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { TLP_DEFINITIONS } from "../lib/tlp";
import { createAssessment, joinWorkspace, signUp, unique } from "./support/people";

// Dana (owner) and Sam (analyst) have the same assessment open, each in their own browser. A save
// of the Details form shows on the other's page at once, writes only what its author changed, and
// never silently overwrites a field the other changed meanwhile.

function detailsOf(page: Page) {
  const form = page.getByRole("form", { name: "Assessment details" });
  return {
    form,
    title: form.getByLabel("Title", { exact: true }),
    keyQuestion: form.getByLabel("Key question", { exact: true }),
    tlp: form.getByLabel("TLP", { exact: true }),
    save: form.getByRole("button", { name: "Save changes" }),
  };
}

/** Opens the assessment and waits until its live connection is up (live changes arrive through it). */
async function openLive(page: Page, assessmentPath: string) {
  if (!page.url().endsWith(assessmentPath)) await page.goto(assessmentPath);
  await expect(page.getByRole("status", { name: /^Document status: (Live|Saved)$/ })).toBeVisible();
}

async function twoWriters(browser: Parameters<typeof signUp>[0], baseURL: string | undefined) {
  const run = unique();
  const dana = await signUp(browser, baseURL, { name: "Dana Owner", email: `dana-${run}@e2e.parallax.test` });
  const { workspaceId, assessmentPath, assessmentId } = await createAssessment(dana.page, "Details desk", run);
  const sam = await signUp(browser, baseURL, { name: "Sam Analyst", email: `sam-${run}@e2e.parallax.test` });
  await joinWorkspace(dana.page, sam.page, workspaceId, "analyst");
  await openLive(dana.page, assessmentPath);
  await openLive(sam.page, assessmentPath);
  return { run, dana, sam, assessmentPath, assessmentId, contexts: [dana.context, sam.context] };
}

test("a saved change of the details shows live on a colleague's page, and their next save keeps it", async ({
  browser,
  baseURL,
}) => {
  const contexts: BrowserContext[] = [];
  try {
    const { run, dana, sam, assessmentPath, ...people } = await twoWriters(browser, baseURL);
    contexts.push(...people.contexts);
    const samForm = detailsOf(sam.page);
    await samForm.title.fill(`Tikhoretsk rail depot ${run}`);
    await samForm.keyQuestion.fill("Will the depot stay crucial through 2027?");
    await samForm.save.click();
    await expect(samForm.form.getByText("Changes saved.")).toBeVisible();

    // Dana did not reload: her header and her form follow Sam's save.
    const danaForm = detailsOf(dana.page);
    await expect(dana.page.getByRole("heading", { level: 1 })).toHaveText(`Tikhoretsk rail depot ${run}`);
    await expect(danaForm.title).toHaveValue(`Tikhoretsk rail depot ${run}`);
    await expect(danaForm.keyQuestion).toHaveValue("Will the depot stay crucial through 2027?");

    // Dana changes only the marking; Sam's title and key question stay, and Sam sees the marking live.
    await danaForm.tlp.selectOption("GREEN");
    await danaForm.save.click();
    await expect(danaForm.form.getByText("Changes saved.")).toBeVisible();
    await expect(samForm.tlp).toHaveValue("GREEN");
    // The marking badge in Sam's page header (its tooltip names who may receive it).
    await expect(sam.page.getByTitle(TLP_DEFINITIONS.GREEN.audience)).toHaveText("TLP:GREEN");

    await dana.page.reload();
    await expect(dana.page.getByRole("heading", { level: 1 })).toHaveText(`Tikhoretsk rail depot ${run}`);
    await expect(danaForm.keyQuestion).toHaveValue("Will the depot stay crucial through 2027?");
    await expect(danaForm.tlp).toHaveValue("GREEN");
  } finally {
    for (const context of contexts) await context.close();
  }
});

test("a field a colleague changed while it was being edited is never overwritten without a choice", async ({
  browser,
  baseURL,
}) => {
  const contexts: BrowserContext[] = [];
  try {
    const { run, dana, sam, assessmentId, ...people } = await twoWriters(browser, baseURL);
    contexts.push(...people.contexts);
    const danaForm = detailsOf(dana.page);
    const samForm = detailsOf(sam.page);
    const storedTitle = async () => {
      const response = await dana.page.request.get(`/api/v1/assessments/${assessmentId}`);
      return ((await response.json()) as { title: string }).title;
    };

    // Dana starts retitling it but has not saved; meanwhile Sam saves another title and key question.
    await danaForm.title.fill(`Dana's title ${run}`);
    await samForm.title.fill(`Sam's title ${run}`);
    await samForm.keyQuestion.fill("Will the depot stay crucial through 2027?");
    await samForm.save.click();
    await expect(samForm.form.getByText("Changes saved.")).toBeVisible();

    // Dana keeps what she typed and is told who changed it, to what and when; the key question
    // she had not touched follows Sam's.
    const notice = danaForm.form.getByRole("alert").filter({ hasText: "changed the title to" });
    await expect(notice).toContainText(`Sam Analyst changed the title to “Sam's title ${run}”`);
    await expect(notice.locator("time")).toHaveText(/just now|minute/);
    await expect(danaForm.title).toHaveValue(`Dana's title ${run}`);
    await expect(danaForm.keyQuestion).toHaveValue("Will the depot stay crucial through 2027?");

    // Saving without choosing is refused (naming who changed it) and changes nothing.
    await danaForm.save.click();
    await expect(danaForm.form.getByText(/Nothing was saved/)).toContainText(
      "Sam Analyst changed the title since you started editing.",
    );
    expect(await storedTitle()).toBe(`Sam's title ${run}`);

    // She chooses to keep hers: now it is saved, and Sam's key question is still there.
    await notice.getByRole("button", { name: "Keep my title" }).click();
    await expect(notice).toBeHidden();
    await danaForm.save.click();
    await expect(danaForm.form.getByText("Changes saved.")).toBeVisible();
    expect(await storedTitle()).toBe(`Dana's title ${run}`);
    await expect(samForm.title).toHaveValue(`Dana's title ${run}`);
    await expect(samForm.keyQuestion).toHaveValue("Will the depot stay crucial through 2027?");
  } finally {
    for (const context of contexts) await context.close();
  }
});
