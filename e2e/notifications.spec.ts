import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import * as Y from "yjs";
import { joinWorkspace, signUp, unique } from "./support/people";

// In-app notifications in real browsers: Avery @mentions Blake in a comment thread (through the
// REST API, as any client would); Blake's bell goes from 0 to 1 without a reload, and following
// the notification opens the assessment and marks it read.

/** Base64 of a Yjs relative position, as the editor sends a comment's anchor. */
function anchor(index: number): string {
  const text = new Y.Doc().getText("default");
  text.insert(0, "Rail cars at the depot");
  return Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString("base64");
}

async function postJson(page: Page, path: string, data: unknown): Promise<{ id: string }> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
  return (await response.json()) as { id: string };
}

/**
 * Avery (owner) with a workspace "<desk> <run>" and an assessment "Tikhoretsk <run>", and Blake, an analyst there;
 * their browser contexts go into `contexts` for the caller to close.
 */
async function deskOfTwo(browser: Browser, baseURL: string | undefined, contexts: BrowserContext[], desk: string) {
  const run = unique();
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `avery-n-${run}@e2e.parallax.test` });
  contexts.push(avery.context);
  const workspace = await postJson(avery.page, "/api/v1/workspaces", { name: `${desk} ${run}` });
  const title = `Tikhoretsk ${run}`;
  const assessment = await postJson(avery.page, `/api/v1/workspaces/${workspace.id}/assessments`, { title });
  const blake = await signUp(browser, baseURL, { name: "Blake Analyst", email: `blake-n-${run}@e2e.parallax.test` });
  contexts.push(blake.context);
  await joinWorkspace(avery.page, blake.page, workspace.id, "analyst");
  const me = (await (await blake.page.request.get("/api/v1/me")).json()) as { user: { id: string } };
  /** Avery @mentions Blake in a new comment thread; returns the thread. */
  const mentionBlake = (body: string) =>
    postJson(avery.page, `/api/v1/assessments/${assessment.id}/comment-threads`, {
      anchorStart: anchor(0),
      anchorEnd: anchor(9),
      quote: "Rail cars",
      body,
      mentionIds: [me.user.id],
    });
  return { avery, blake, workspace, assessment, title, mentionBlake };
}

test("a mentioned analyst sees the bell count rise live, follows the notification, and the count drops", async ({
  browser,
  baseURL,
}) => {
  const contexts: BrowserContext[] = [];
  try {
    const { blake, workspace, assessment, title, mentionBlake } = await deskOfTwo(
      browser,
      baseURL,
      contexts,
      "Notification desk",
    );

    await blake.page.goto(`/w/${workspace.id}`);
    const bell = blake.page.getByRole("button", { name: /^Notifications,/ });
    await expect(bell).toHaveAccessibleName("Notifications, none unread");

    const thread = await mentionBlake("@Blake Analyst can you check the April count?");

    // No reload: the count arrives over the /notifications socket.
    await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
    await expect(blake.page.getByTestId("notification-count")).toHaveText("1");
    await expect(blake.page.getByText("1 unread notification", { exact: true })).toBeAttached();

    await bell.click();
    const menu = blake.page.getByRole("menu");
    // The item's name is its summary (marked unread) followed by its kind, workspace and time.
    const item = menu.getByRole("menuitem", { name: new RegExp(`^Unread: Avery Owner mentioned you on “${title}”`) });
    await expect(item).toBeVisible();
    await item.click();
    await expect(blake.page).toHaveURL(`/w/${workspace.id}/a/${assessment.id}#thread-${thread.id}`);
    await expect(bell).toHaveAccessibleName("Notifications, none unread");
    await expect(blake.page.getByTestId("notification-count")).toHaveCount(0);
    await expect(blake.page.locator(`[data-thread-id="${thread.id}"]`)).toBeFocused();

    // A second mention while Blake is on that assessment: following it moves to its thread on the
    // same page, and focus goes there rather than back to the bell.
    const second = await mentionBlake("@Blake Analyst and the May count?");
    await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
    await bell.click();
    await blake.page
      .getByRole("menu")
      .getByRole("menuitem", { name: new RegExp(`^Unread: Avery Owner mentioned you on “${title}”`) })
      .click();
    await expect(blake.page).toHaveURL(`/w/${workspace.id}/a/${assessment.id}#thread-${second.id}`);
    await expect(blake.page.locator(`[data-thread-id="${second.id}"]`)).toBeFocused();

    // The full page lists it, read; a reload agrees with the live count.
    await blake.page.goto("/notifications");
    await expect(blake.page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(blake.page.getByRole("link", { name: `Avery Owner mentioned you on “${title}”` })).toHaveCount(2);
    await expect(bell).toHaveAccessibleName("Notifications, none unread");
  } finally {
    for (const context of contexts) await context.close();
  }
});

test("the notifications page lists a notification recorded after it was rendered but before its live connection opened", async ({
  browser,
  baseURL,
}) => {
  const contexts: BrowserContext[] = [];
  try {
    const { blake, title, mentionBlake } = await deskOfTwo(browser, baseURL, contexts, "Notification gap");

    // Blake's live connection is held back until the mention exists: the page renders without it,
    // and the server never announces it to that connection.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await blake.page.routeWebSocket(/\/socket\.io\//, async (socket) => {
      await released;
      socket.connectToServer();
    });
    await blake.page.goto("/notifications");
    await expect(blake.page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    const mention = blake.page.getByRole("link", { name: `Avery Owner mentioned you on “${title}”` });
    await expect(mention).toHaveCount(0);

    await mentionBlake("@Blake Analyst the April count, please");
    release();

    // Connected at last: the page catches up without a reload, and agrees with the bell.
    await expect(mention).toBeVisible();
    await expect(blake.page.getByRole("button", { name: /^Notifications,/ })).toHaveAccessibleName(
      "Notifications, 1 unread",
    );
  } finally {
    for (const context of contexts) await context.close();
  }
});
