import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { editorOf, joinWorkspace, signUp, UUID, unique } from "./support/people";

// Live co-editing in real browsers: two analysts and a viewer of one workspace, each in their
// own browser context (own cookies, own IndexedDB), on one assessment.

function statusOf(page: Page, label: string): Locator {
  return page.getByRole("status", { name: `Document status: ${label}` });
}

/** Number of updates in this browser's offline copy (IndexedDB) of a document. */
function cachedUpdates(page: Page, documentId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const databases = await indexedDB.databases();
    const name = databases.map((database) => database.name).find((value) => value?.endsWith(`:${id}`));
    if (!name) return 0;
    return new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const database = request.result;
        const count = database.transaction("updates", "readonly").objectStore("updates").count();
        count.onerror = () => reject(count.error);
        count.onsuccess = () => {
          database.close();
          resolve(count.result);
        };
      };
    });
  }, documentId);
}

test("two analysts co-edit live, one keeps writing offline, and a viewer follows read-only", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const contexts: BrowserContext[] = [];
  try {
    // Avery (owner) creates a workspace and an assessment through the UI.
    const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-${run}@e2e.parallax.test` });
    contexts.push(avery.context);
    await avery.page.getByLabel("Workspace name", { exact: true }).fill(`Collab desk ${run}`);
    await avery.page.getByRole("button", { name: "Create workspace" }).click();
    await expect(avery.page).toHaveURL(new RegExp(`/w/${UUID}$`));
    const workspaceId = new URL(avery.page.url()).pathname.split("/")[2] ?? "";
    await avery.page.getByRole("button", { name: "New assessment" }).click();
    const dialog = avery.page.getByRole("dialog", { name: "New assessment" });
    await dialog.getByLabel("Title", { exact: true }).fill(`Co-edited ${run}`);
    await dialog.getByRole("button", { name: "Create assessment" }).click();
    await expect(avery.page).toHaveURL(new RegExp(`/w/${workspaceId}/a/${UUID}$`));
    const assessmentPath = new URL(avery.page.url()).pathname;
    const assessmentId = assessmentPath.split("/").at(-1) ?? "";

    // Blake joins as an analyst, Casey as a viewer.
    const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-${run}@e2e.parallax.test` });
    contexts.push(blake.context);
    await joinWorkspace(avery.page, blake.page, workspaceId, "analyst");
    const casey = await signUp(browser, baseURL, { name: "Casey Viewer", email: `casey-${run}@e2e.parallax.test` });
    contexts.push(casey.context);
    await joinWorkspace(avery.page, casey.page, workspaceId, "viewer");

    // Avery writes a heading and a sentence.
    const averyEditor = editorOf(avery.page);
    await expect(statusOf(avery.page, "Live")).toBeVisible();
    await averyEditor.click();
    await avery.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Heading 2" }).click();
    await avery.page.keyboard.type("Key judgements");
    await avery.page.keyboard.press("Enter");
    await avery.page.keyboard.type("Tikhoretsk is likely to remain crucial.");
    await expect(statusOf(avery.page, "Saved")).toBeVisible();

    // Blake opens the assessment and sees Avery's text, heading included, and Avery's presence.
    await blake.page.goto(assessmentPath);
    const blakeEditor = editorOf(blake.page);
    await expect(blakeEditor.getByRole("heading", { level: 2, name: "Key judgements" })).toBeVisible();
    await expect(blakeEditor).toContainText("Tikhoretsk is likely to remain crucial.");
    await expect(
      blake.page.getByRole("list", { name: "People in this document" }).getByRole("listitem", { name: "Avery Owner" }),
    ).toBeVisible();

    // Blake writes at the end; each sees the other's text and named caret.
    await blakeEditor.click();
    await blake.page.keyboard.press("Control+End");
    await blake.page.keyboard.press("Enter");
    await blake.page.keyboard.type("About 50 rail cars in April 2024.");
    await expect(averyEditor).toContainText("About 50 rail cars in April 2024.");
    await expect(averyEditor.getByRole("img", { name: "Blake Analyst's cursor" })).toBeVisible();
    await averyEditor.click();
    await expect(blakeEditor.getByRole("img", { name: "Avery Owner's cursor" })).toBeVisible();

    // Blake goes offline and keeps writing; Avery writes meanwhile.
    await blake.context.setOffline(true);
    await expect(statusOf(blake.page, "Offline")).toBeVisible();
    await blakeEditor.click();
    await blake.page.keyboard.press("Control+End");
    await blake.page.keyboard.press("Enter");
    await blake.page.keyboard.type("Written while offline.");
    await avery.page.keyboard.press("Control+End");
    await avery.page.keyboard.press("Enter");
    await avery.page.keyboard.type("Written online meanwhile.");
    await expect(statusOf(avery.page, "Saved")).toBeVisible();
    await expect(averyEditor).not.toContainText("Written while offline.");

    // Back online: Blake's offline edits are sent and both copies converge to the same text.
    await blake.context.setOffline(false);
    await expect(statusOf(blake.page, "Saved")).toBeVisible();
    for (const editor of [averyEditor, blakeEditor]) {
      await expect(editor).toContainText("Written while offline.");
      await expect(editor).toContainText("Written online meanwhile.");
    }
    await expect.poll(async () => (await averyEditor.textContent()) === (await blakeEditor.textContent())).toBe(true);

    // Blake writes offline again and closes the tab before the connection is back: the edit
    // waits in this browser's offline copy and is sent when the assessment is opened again.
    await blake.context.setOffline(true);
    await expect(statusOf(blake.page, "Offline")).toBeVisible();
    // The page refresh that reconnecting scheduled (3 s later) comes due while offline: it must not
    // turn into a page load that swaps the editor for the browser's offline page.
    await blake.page.waitForTimeout(3500);
    await expect(statusOf(blake.page, "Offline")).toBeVisible();
    const cachedBefore = await cachedUpdates(blake.page, assessmentId);
    await blakeEditor.click();
    await blake.page.keyboard.press("Control+End");
    await blake.page.keyboard.press("Enter");
    await blake.page.keyboard.type("Kept on this device.");
    await expect.poll(() => cachedUpdates(blake.page, assessmentId)).toBeGreaterThan(cachedBefore);
    await blake.page.close();
    await blake.context.setOffline(false);
    const blakeAgain = await blake.context.newPage();
    await blakeAgain.goto(assessmentPath);
    await expect(averyEditor).toContainText("Kept on this device.");
    await expect(statusOf(blakeAgain, "Saved")).toBeVisible();
    await expect
      .poll(async () => (await averyEditor.textContent()) === (await editorOf(blakeAgain).textContent()))
      .toBe(true);

    // Casey, a viewer, sees the live text without any way to change it.
    await casey.page.goto(assessmentPath);
    const caseyEditor = editorOf(casey.page);
    await expect(caseyEditor).toContainText("Written while offline.");
    await expect(caseyEditor).not.toBeEditable();
    await expect(casey.page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
    await expect(casey.page.getByText(/^Read only/)).toBeVisible();
    const before = await caseyEditor.textContent();
    await caseyEditor.click();
    await casey.page.keyboard.type("A viewer's keystrokes");
    await averyEditor.click();
    await avery.page.keyboard.press("Control+End");
    await avery.page.keyboard.type(" Seen live by the viewer.");
    await expect(caseyEditor).toContainText("Seen live by the viewer.");
    expect(await caseyEditor.textContent()).toBe(`${before} Seen live by the viewer.`);
    await expect(averyEditor).not.toContainText("A viewer's keystrokes");
  } finally {
    for (const context of contexts) await context.close();
  }
});
