import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createAssessment, joinWorkspace, signUp, UUID, unique } from "./support/people";

test("an owner reads the audit trail, filters it and downloads it as CSV; a viewer has no Audit link", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const owner = await signUp(browser, baseURL, { name: "Avery Owner", email: `audit-owner-${run}@e2e.parallax.test` });
  const viewer = await signUp(browser, baseURL, {
    name: "Blake Viewer",
    email: `audit-viewer-${run}@e2e.parallax.test`,
  });
  try {
    await owner.page.getByLabel("Workspace name", { exact: true }).fill(`Audit desk ${run}`);
    await owner.page.getByRole("button", { name: "Create workspace" }).click();
    await expect(owner.page).toHaveURL(new RegExp(`/w/${UUID}$`));
    const workspaceId = new URL(owner.page.url()).pathname.split("/")[2] ?? "";
    await joinWorkspace(owner.page, viewer.page, workspaceId, "viewer");

    await owner.page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Audit" }).click();
    await expect(owner.page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    const rows = owner.page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row");
    await expect(rows.filter({ hasText: "workspace.created" })).toContainText("Avery Owner");
    const added = rows.filter({ hasText: "member.added" });
    await expect(added).toContainText("Blake Viewer");
    await expect(added).toContainText("role: viewer");

    await owner.page.getByLabel("Action", { exact: true }).fill("member.");
    await owner.page.getByRole("button", { name: "Filter" }).click();
    await expect(owner.page).toHaveURL(/action=member\./);
    await expect(rows.filter({ hasText: "workspace.created" })).toHaveCount(0);
    await expect(rows.filter({ hasText: "member.added" })).toHaveCount(1);

    // Filters that cannot match anything are refused beside their fields, not shown as an empty trail.
    await owner.page.goto(`/w/${workspaceId}/audit?from=2026-12-31&to=2026-01-01&targetType=bogus`);
    await expect(owner.page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(owner.page.getByLabel("To", { exact: true })).toHaveAccessibleDescription(
      "The end of the date range must not be before its start.",
    );
    await expect(owner.page.getByLabel("Target", { exact: true })).toHaveAccessibleDescription(
      /^Use targetType=user, /,
    );
    await expect(owner.page.getByRole("alert").filter({ hasText: "Some filters are not valid." })).toBeVisible();
    await expect(owner.page.getByText("No events match these filters.")).toHaveCount(0);
    await owner.page.goto(`/w/${workspaceId}/audit?action=member.`);

    const downloading = owner.page.waitForEvent("download");
    await owner.page.getByRole("link", { name: "Download CSV" }).click();
    const file = await (await downloading).path();
    const csv = await readFile(file, "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "id,created_at,actor_id,actor_name,action,target_type,target_id,target_label,data",
    );
    expect(csv).toContain("member.added");
    expect(csv).not.toContain("workspace.created");

    await viewer.page.goto(`/w/${workspaceId}`);
    const viewerNav = viewer.page.getByRole("navigation", { name: "Workspace" });
    await expect(viewerNav.getByRole("link", { name: "Members" })).toBeVisible();
    await expect(viewerNav.getByRole("link", { name: "Audit" })).toHaveCount(0);
  } finally {
    await owner.context.close();
    await viewer.context.close();
  }
});

test("a colleague's changes appear on an open assessment audit trail without a reload, keeping the typed filter", async ({
  browser,
  baseURL,
}) => {
  const run = unique();
  const dana = await signUp(browser, baseURL, { name: "Dana Owner", email: `dana-al-${run}@e2e.parallax.test` });
  const sam = await signUp(browser, baseURL, { name: "Sam Analyst", email: `sam-al-${run}@e2e.parallax.test` });
  try {
    const { assessmentPath, assessmentId, workspaceId } = await createAssessment(dana.page, "Live audit desk", run);
    await joinWorkspace(dana.page, sam.page, workspaceId, "analyst");

    // Sam reads the assessment's trail and starts typing a filter, without applying it yet.
    await sam.page.goto(`${assessmentPath}/audit`);
    await expect(sam.page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    const rows = sam.page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row");
    await expect(rows.filter({ hasText: "assessment.created" })).toContainText("Dana Owner");
    const action = sam.page.getByLabel("Action", { exact: true });
    await action.fill("assessment.");
    await sam.page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    // Dana retitles the assessment: the change appears in Sam's trail.
    const patched = await dana.page.request.patch(`/api/v1/assessments/${assessmentId}`, {
      data: { title: `Tikhoretsk rail depot ${run}` },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    await expect(rows.filter({ hasText: "assessment.updated" })).toContainText(`Tikhoretsk rail depot ${run}`);

    // Dana names a version (Sam's page is surely live by now): that appears too, newest first.
    const named = await dana.page.request.post(`/api/v1/assessments/${assessmentId}/versions`, {
      data: { name: `Dana's checkpoint ${run}` },
    });
    expect(named.status(), await named.text()).toBe(201);
    await expect(rows.nth(1)).toContainText("assessment.version_named");
    await expect(rows.nth(1)).toContainText("Dana Owner");

    // What Sam typed is still there, and the page was never reloaded.
    await expect(action).toHaveValue("assessment.");
    expect(await sam.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await dana.context.close();
    await sam.context.close();
  }
});
