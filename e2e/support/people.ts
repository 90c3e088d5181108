import { type Browser, expect, type Locator, type Page } from "@playwright/test";

// Helpers the e2e specs share: unique people, sign-up through the form, joining a workspace.

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
export async function joinWorkspace(owner: Page, member: Page, workspaceId: string, role: "analyst" | "viewer") {
  const invitation = await owner.request.post(`/api/v1/workspaces/${workspaceId}/invitations`, { data: { role } });
  expect(invitation.status()).toBe(201);
  const { token } = (await invitation.json()) as { token: string };
  expect((await member.request.post("/api/v1/invitations/accept", { data: { token } })).status()).toBe(200);
}

/** The co-edited text of the assessment page. */
export function editorOf(page: Page): Locator {
  return page.getByRole("textbox", { name: "Assessment text" });
}
