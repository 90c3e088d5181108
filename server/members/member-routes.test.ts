import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import * as memberRoute from "@/app/api/v1/workspaces/[workspaceId]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/workspaces/[workspaceId]/members/route";
import { getDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import { createTestTeam, createTestUser } from "../testing/factories";
import { callRoute, createTestBearer } from "../testing/route-test-helpers";

async function membershipOf(workspaceId: string, userId: string) {
  const [row] = await getDatabase()
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

describe("GET/POST /api/v1/workspaces/{workspaceId}/members", () => {
  it("lists members for any member and adds one by email for owners", async () => {
    const { workspace, owner, viewer } = await createTestTeam();
    const params = { workspaceId: workspace.id };
    const listed = await callRoute(membersRoute.GET, { token: await createTestBearer(viewer), params });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(4);
    const newcomer = await createTestUser();
    const added = await callRoute(membersRoute.POST, {
      method: "POST",
      token: await createTestBearer(owner),
      params,
      body: { email: newcomer.email, role: "analyst" },
    });
    expect(added).toMatchObject({ status: 201, body: { userId: newcomer.id, role: "analyst" } });
    expect(await membershipOf(workspace.id, newcomer.id)).toBe("analyst");
  });

  it("explains bad fields, refuses non-owners and hides the workspace from outsiders, writing nothing", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    const newcomer = await createTestUser();
    const post = async (who: { id: string }, body: unknown, workspaceId = workspace.id) =>
      callRoute(membersRoute.POST, {
        method: "POST",
        token: await createTestBearer(who),
        params: { workspaceId },
        body,
      });
    const missing = await post(owner, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({
      email: ["Enter the email address of the person to add."],
      role: ["Choose a role: owner, analyst, reviewer or viewer."],
    });
    const wrong = await post(owner, { email: "not an email", role: "admin" });
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(["email", "role"]);
    expect((await post(owner, "{oops")).status).toBe(400);
    expect((await post(owner, { email: "nobody@example.test", role: "viewer" })).status).toBe(404);
    expect((await post(owner, { email: analyst.email, role: "viewer" })).status).toBe(409);
    expect((await post(analyst, { email: newcomer.email, role: "viewer" })).status).toBe(403);
    expect((await post(newcomer, { email: newcomer.email, role: "owner" })).status).toBe(404);
    expect((await post(owner, { email: newcomer.email, role: "viewer" }, randomUUID())).status).toBe(404);
    expect(await membershipOf(workspace.id, newcomer.id)).toBeNull();
    expect(await membershipOf(workspace.id, analyst.id)).toBe("analyst");
  });
});

describe("PATCH/DELETE /api/v1/workspaces/{workspaceId}/members/{userId}", () => {
  it("changes roles for owners only and protects the last owner", async () => {
    const { workspace, owner, analyst, viewer } = await createTestTeam();
    const patch = async (who: { id: string }, userId: string, body: unknown) =>
      callRoute(memberRoute.PATCH, {
        method: "PATCH",
        token: await createTestBearer(who),
        params: { workspaceId: workspace.id, userId },
        body,
      });
    expect((await patch(owner, viewer.id, { role: "superuser" })).body.error.fields).toEqual({
      role: ["Choose a role: owner, analyst, reviewer or viewer."],
    });
    expect((await patch(analyst, viewer.id, { role: "analyst" })).status).toBe(403);
    expect((await patch(owner, randomUUID(), { role: "analyst" })).status).toBe(404);
    const lastOwner = await patch(owner, owner.id, { role: "viewer" });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.error.code).toBe("conflict:last_owner");
    expect(await membershipOf(workspace.id, owner.id)).toBe("owner");
    const changed = await patch(owner, viewer.id, { role: "reviewer" });
    expect(changed).toMatchObject({ status: 200, body: { userId: viewer.id, role: "reviewer" } });
  });

  it("removes members for owners, lets a member leave, and answers 204", async () => {
    const { workspace, owner, analyst, reviewer, viewer } = await createTestTeam();
    const remove = async (who: { id: string }, userId: string) =>
      callRoute(memberRoute.DELETE, {
        method: "DELETE",
        token: await createTestBearer(who),
        params: { workspaceId: workspace.id, userId },
      });
    expect((await remove(reviewer, viewer.id)).status).toBe(403);
    expect(await remove(viewer, viewer.id)).toEqual({ status: 204, body: null });
    expect(await remove(owner, analyst.id)).toEqual({ status: 204, body: null });
    expect((await remove(owner, analyst.id)).status).toBe(404);
    expect((await remove(owner, owner.id)).status).toBe(409);
    expect(await membershipOf(workspace.id, viewer.id)).toBeNull();
    expect(await membershipOf(workspace.id, analyst.id)).toBeNull();
    expect(await membershipOf(workspace.id, reviewer.id)).toBe("reviewer");
    const anonymous = await callRoute(memberRoute.DELETE, {
      method: "DELETE",
      params: { workspaceId: workspace.id, userId: reviewer.id },
    });
    expect(anonymous.status).toBe(401);
    expect(await membershipOf(workspace.id, reviewer.id)).toBe("reviewer");
  });
});
