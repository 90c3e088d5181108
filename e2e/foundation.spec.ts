import { expect, type Page, test } from "@playwright/test";
import { openMenu, signUp } from "./support/people";

// The demo workspace the server seeds on first start (server/demo/seed-demo-workspace.ts).
const DEMO = {
  email: "analyst@demo.parallax.local",
  password: "parallax-demo-analyst",
  workspace: "Beyond Parallel (demo)",
  assessment: "Tikhoretsk munitions depot: role in DPRK→Russia transfers",
};

const PASSWORD = "e2e-correct-horse-battery";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A suffix that keeps rows of this run apart from every other run against the same database. */
function unique(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

async function fillSignUp(page: Page, person: { name: string; email: string }): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill(person.name);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("an owner invites a viewer, who reads the workspace but cannot write to it", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = unique();
  const workspaceName = `E2E desk ${run}`;
  const title = `E2E assessment ${run}`;

  // User A signs up and lands on "create a workspace", having none yet.
  await page.goto("/sign-up");
  await fillSignUp(page, { name: "Avery Owner", email: `owner-${run}@e2e.parallax.test` });
  await expect(page).toHaveURL(/\/w\/new$/);
  await page.getByLabel("Workspace name", { exact: true }).fill(workspaceName);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));
  const workspaceId = new URL(page.url()).pathname.split("/")[2] ?? "";

  // A creates an assessment; it opens, and it is listed with its marking and status.
  await page.getByRole("button", { name: "New assessment" }).click();
  const dialog = page.getByRole("dialog", { name: "New assessment" });
  await dialog.getByLabel("Title", { exact: true }).fill(title);
  await dialog.getByLabel("TLP", { exact: true }).selectOption("GREEN");
  await dialog.getByRole("button", { name: "Create assessment" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}/a/${UUID}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Workspace" });
  await nav.getByRole("link", { name: "Assessments" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toContainText("TLP:GREEN");
  await expect(row).toContainText("Draft");

  // A creates a viewer invitation link, shown once.
  await nav.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const linkField = page.getByLabel("Invitation link", { exact: true });
  await expect(linkField).toHaveValue(/\/invite\/\S+$/);
  const invitePath = new URL(await linkField.inputValue()).pathname;
  await expect(page.getByRole("table", { name: "Pending invitations" })).toContainText("Viewer");

  // User B, in a separate browser context, follows the link: sign-in, then sign-up, keeping the link.
  const contextB = await browser.newContext({ baseURL });
  try {
    const pageB = await contextB.newPage();
    await pageB.goto(invitePath);
    await expect(pageB).toHaveURL(/\/sign-in\?callbackUrl=%2Finvite%2F/);
    await pageB.getByRole("link", { name: "Create an account" }).click();
    await expect(pageB).toHaveURL(/\/sign-up\?callbackUrl=%2Finvite%2F/);
    await fillSignUp(pageB, { name: "Blake Viewer", email: `viewer-${run}@e2e.parallax.test` });

    await expect(pageB).toHaveURL((url) => url.pathname === invitePath);
    await expect(pageB.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
    await expect(pageB.getByText(/^Viewer — /)).toBeVisible();
    await pageB.getByRole("button", { name: "Accept invitation" }).click();

    // B sees the assessment, and no control to create one.
    await expect(pageB).toHaveURL(new RegExp(`/w/${workspaceId}$`));
    await expect(pageB.getByRole("link", { name: title })).toBeVisible();
    await expect(pageB.getByRole("button", { name: "New assessment" })).toHaveCount(0);

    // The API refuses the write too: B's session cookie, B's role.
    const response = await pageB.request.post(`/api/v1/workspaces/${workspaceId}/assessments`, {
      data: { title: "Written by a viewer" },
    });
    expect(response.status()).toBe(403);
  } finally {
    await contextB.close();
  }
});

test("opening a used invitation again takes its member to the workspace; anyone else only learns it was used", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const workspaceName = `Invite desk ${run}`;
  const avery = await signUp(browser, baseURL, { name: "Avery Owner", email: `owner-inv-${run}@e2e.parallax.test` });
  const blake = await signUp(browser, baseURL, { name: "Blake Viewer", email: `viewer-inv-${run}@e2e.parallax.test` });
  const casey = await signUp(browser, baseURL, { name: "Casey Other", email: `other-inv-${run}@e2e.parallax.test` });
  try {
    const workspace = await avery.page.request.post("/api/v1/workspaces", { data: { name: workspaceName } });
    expect(workspace.status()).toBe(201);
    const workspaceId = ((await workspace.json()) as { id: string }).id;
    const invitation = await avery.page.request.post(`/api/v1/workspaces/${workspaceId}/invitations`, {
      data: { role: "viewer" },
    });
    expect(invitation.status()).toBe(201);
    const invitePath = `/invite/${encodeURIComponent(((await invitation.json()) as { token: string }).token)}`;

    await blake.page.goto(invitePath);
    await blake.page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(blake.page).toHaveURL(new RegExp(`/w/${workspaceId}$`));

    // Blake opens the link again (from the e-mail, say): straight into the workspace.
    await blake.page.goto(invitePath);
    await expect(blake.page).toHaveURL(new RegExp(`/w/${workspaceId}$`));
    await expect(blake.page.getByText("This invitation has already been used")).toHaveCount(0);

    // Casey, who is not a member, is told the link is used and nothing about the workspace.
    await casey.page.goto(invitePath);
    await expect(casey.page.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();
    await expect(casey.page).toHaveURL((url) => url.pathname === invitePath);
    await expect(casey.page.getByText(workspaceName)).toHaveCount(0);
  } finally {
    for (const person of [avery, blake, casey]) await person.context.close();
  }
});

test("the demo analyst signs in and finds the demo assessment", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(DEMO.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));

  const item = page.getByRole("menuitem", { name: DEMO.workspace });
  await openMenu(page.getByRole("button", { name: /^Workspace:/ }), item);
  await item.click();
  await expect(page.getByRole("button", { name: `Workspace: ${DEMO.workspace}` })).toBeVisible();
  await expect(page.getByRole("link", { name: DEMO.assessment })).toBeVisible();
});

test("a wrong password is refused with the server's message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(`nobody-${unique()}@e2e.parallax.test`);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password-at-all");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Scoped to the form: Next's route announcer is an alert too.
  const form = page.getByRole("form", { name: "Sign in with email" });
  await expect(form.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("on a phone-sized screen no page scrolls sideways, and the sections menu reaches every section", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(DEMO.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));
  const workspacePath = new URL(page.url()).pathname;
  const assessmentPath = await page.getByRole("link", { name: DEMO.assessment }).getAttribute("href");
  expect(assessmentPath).toBeTruthy();

  // The row of section links would not fit: one menu, named after the current section, holds them.
  const sections = ["Library", "Search", "Forecasts", "Members", "Audit", "Assessments"];
  let current = "Assessments";
  for (const section of sections) {
    const item = page.getByRole("menuitem", { name: section, exact: true });
    await openMenu(page.getByRole("button", { name: `Section: ${current}` }), item);
    await item.click();
    await expect(page.getByRole("button", { name: `Section: ${section}` })).toBeVisible();
    current = section;
  }
  await expect(page).toHaveURL(new RegExp(`${workspacePath}$`));

  // Wide tables scroll inside their own box; the page itself never does (the library's
  // observations table and the history's versions table once pushed it hundreds of pixels wide).
  for (const path of [
    workspacePath,
    `${workspacePath}/library`,
    `${workspacePath}/library/sources`,
    `${workspacePath}/members`,
    `${workspacePath}/audit`,
    `${assessmentPath}`,
    `${assessmentPath}/history`,
    "/settings/tokens",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  }
});

test("an owner renames the workspace from its members page; a blank name is refused", async ({ page }) => {
  const run = unique();
  await page.goto("/sign-up");
  await fillSignUp(page, { name: "Rowan Owner", email: `rename-${run}@e2e.parallax.test` });
  await expect(page).toHaveURL(/\/w\/new$/);
  await page.getByLabel("Workspace name", { exact: true }).fill(`E2E desk ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${UUID}$`));
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" }).click();

  const form = page.getByRole("form", { name: "Workspace name" });
  await form.getByLabel("Name", { exact: true }).fill("   ");
  await form.getByRole("button", { name: "Rename workspace" }).click();
  await expect(form).toContainText("Enter a workspace name.");
  await expect(page.getByRole("button", { name: `Workspace: E2E desk ${run}` })).toBeVisible();

  await form.getByLabel("Name", { exact: true }).fill(`Investigations desk ${run}`);
  await form.getByRole("button", { name: "Rename workspace" }).click();
  await expect(form).toContainText("Workspace renamed.");
  await expect(page.getByRole("button", { name: `Workspace: Investigations desk ${run}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: `Workspace: Investigations desk ${run}` })).toBeVisible();
});
