import { type Browser, expect, type Locator, type Page } from "@playwright/test";

// Helpers the e2e specs share: unique people, signed up and in, joining a workspace,
// a workspace with an assessment, selecting text as a reader does.

export const PASSWORD = "e2e-correct-horse-battery";
export const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A suffix that keeps rows of this run apart from every other run against the same database. */
export function unique(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Signs a new user up and in, in a fresh browser context, and opens /w/new as the sign-up form
 * would. Through the API and next-auth's credentials endpoint, not the form: foundation.spec
 * covers the form itself, and two page loads fewer per person keep the suite's time down.
 */
export async function signUp(browser: Browser, baseURL: string | undefined, person: { name: string; email: string }) {
  const context = await browser.newContext({ baseURL });
  const created = await context.request.post("/api/v1/sign-up", { data: { ...person, password: PASSWORD } });
  expect(created.status(), await created.text()).toBe(201);
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: person.email, password: PASSWORD, json: "true" },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const page = await context.newPage();
  await page.goto("/w/new");
  await expect(page).toHaveURL(/\/w\/new$/);
  return { context, page };
}

/** Invites into the workspace with `role` (owner's session) and accepts as the other user. */
export async function joinWorkspace(
  owner: Page,
  member: Page,
  workspaceId: string,
  role: "owner" | "analyst" | "reviewer" | "viewer",
) {
  const invitation = await owner.request.post(`/api/v1/workspaces/${workspaceId}/invitations`, { data: { role } });
  expect(invitation.status()).toBe(201);
  const { token } = (await invitation.json()) as { token: string };
  expect((await member.request.post("/api/v1/invitations/accept", { data: { token } })).status()).toBe(200);
}

/** The co-edited text of the assessment page. */
export function editorOf(page: Page): Locator {
  return page.getByRole("textbox", { name: "Assessment text" });
}

/**
 * Creates a workspace named `<desk> <run>` and an assessment "Tikhoretsk <run>" through the API
 * (collab.spec and foundation.spec use the forms), then opens the assessment; returns their ids
 * and the assessment's path.
 */
export async function createAssessment(page: Page, desk: string, run: string) {
  const workspace = await page.request.post("/api/v1/workspaces", { data: { name: `${desk} ${run}` } });
  expect(workspace.status(), await workspace.text()).toBe(201);
  const workspaceId = ((await workspace.json()) as { id: string }).id;
  const assessment = await page.request.post(`/api/v1/workspaces/${workspaceId}/assessments`, {
    data: { title: `Tikhoretsk ${run}` },
  });
  expect(assessment.status(), await assessment.text()).toBe(201);
  const assessmentId = ((await assessment.json()) as { id: string }).id;
  const assessmentPath = `/w/${workspaceId}/a/${assessmentId}`;
  await page.goto(assessmentPath);
  return { workspaceId, assessmentPath, assessmentId };
}

/** Selects `text` in the editor with the mouse, as a reader would (works in read-only text too). */
export async function selectWithMouse(page: Page, text: string) {
  const editor = editorOf(page);
  await editor.scrollIntoViewIfNeeded();
  const box = await editor.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const rects = [...range.getClientRects()];
      const first = rects[0];
      const last = rects.at(-1);
      if (!first || !last) return null;
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in one text node of the editor`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(text);
}

/**
 * Opens the menu behind `button` and waits for `item` in it. A click that lands before the
 * page's script has hydrated opens nothing, so it clicks again while the menu stays closed.
 */
export async function openMenu(button: Locator, item: Locator) {
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(item).toBeVisible({ timeout: 2_000 });
  }).toPass();
}
