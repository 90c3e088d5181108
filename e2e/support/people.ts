import { type Browser, expect, type Locator, type Page } from "@playwright/test";

// Helpers the e2e specs share: unique people, sign-up through the form, joining a workspace,
// a workspace with an assessment, selecting text as a reader does.

export const PASSWORD = "e2e-correct-horse-battery";
export const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A suffix that keeps rows of this run apart from every other run against the same database. */
export function unique(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Signs a new user up through the form, in a fresh browser context; they land signed in. */
export async function signUp(browser: Browser, baseURL: string | undefined, person: { name: string; email: string }) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(person.name);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
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
 * Creates a workspace named `<desk> <run>` and an assessment "Tikhoretsk <run>" through the UI
 * (the user is on /w/new after signing up); returns their ids and the assessment's path.
 */
export async function createAssessment(page: Page, desk: string, run: string) {
  await page.getByLabel("Workspace name", { exact: true }).fill(`${desk} ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));
  const workspaceId = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.getByRole("button", { name: "New assessment" }).click();
  const dialog = page.getByRole("dialog", { name: "New assessment" });
  await dialog.getByLabel("Title", { exact: true }).fill(`Tikhoretsk ${run}`);
  await dialog.getByRole("button", { name: "Create assessment" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}/a/${UUID}$`));
  const assessmentPath = new URL(page.url()).pathname;
  return { workspaceId, assessmentPath, assessmentId: assessmentPath.split("/").at(-1) ?? "" };
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
