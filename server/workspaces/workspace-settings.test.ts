import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as workspaceRoute from "@/app/api/v1/workspaces/[workspaceId]/route";
import { getDatabase } from "@/db/client";
import { auditEvents, workspaces } from "@/db/schema";
import { createTestTeam } from "../testing/factories";
import { callRoute, createTestBearer } from "../testing/route-test-helpers";

async function patch(who: { id: string }, workspaceId: string, body: unknown) {
  return callRoute(workspaceRoute.PATCH, {
    method: "PATCH",
    token: await createTestBearer(who),
    params: { workspaceId },
    body,
  });
}

async function rulesOf(workspaceId: string) {
  const [row] = await getDatabase()
    .select({ requiredApprovals: workspaces.requiredApprovals, requiredKeyApprovals: workspaces.requiredKeyApprovals })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row;
}

describe("PATCH /api/v1/workspaces/{workspaceId} review rules", () => {
  it("lets owners set the approvals judgements and key judgements need, with the name in the same request", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    const changed = await patch(owner, workspace.id, { requiredApprovals: 2, requiredKeyApprovals: 3, name: "Desk" });
    expect(changed).toMatchObject({
      status: 200,
      body: { id: workspace.id, name: "Desk", requiredApprovals: 2, requiredKeyApprovals: 3 },
    });
    const read = await callRoute(workspaceRoute.GET, {
      token: await createTestBearer(analyst),
      params: { workspaceId: workspace.id },
    });
    expect(read.body).toMatchObject({ requiredApprovals: 2, requiredKeyApprovals: 3 });
    const [event] = await getDatabase()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "workspace.review_rules_changed")));
    expect(event).toMatchObject({
      actorUserId: owner.id,
      data: { changes: { requiredApprovals: { from: 1, to: 2 }, requiredKeyApprovals: { from: 1, to: 3 } } },
    });
  });

  it("refuses counts outside 1–5 and key counts below the others with field messages, changing nothing", async () => {
    const { workspace, owner } = await createTestTeam();
    await patch(owner, workspace.id, { requiredApprovals: 2, requiredKeyApprovals: 2 });
    const tooMany = await patch(owner, workspace.id, { requiredApprovals: 6 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields).toEqual({
      requiredApprovals: ["Required approvals must be a whole number from 1 to 5."],
    });
    const below = await patch(owner, workspace.id, { requiredKeyApprovals: 1 });
    expect(below.status).toBe(400);
    expect(below.body.error.fields).toEqual({
      requiredKeyApprovals: ["Key judgements need at least as many approvals as other judgements (2)."],
    });
    // Raising the ordinary count past the key count is the same mistake; the name is not changed either.
    const raised = await patch(owner, workspace.id, { requiredApprovals: 3, name: "Renamed" });
    expect(raised.status).toBe(400);
    expect((await patch(owner, workspace.id, {})).body.error.fields).toEqual({
      "": ["Send a name, requiredApprovals or requiredKeyApprovals."],
    });
    expect(await rulesOf(workspace.id)).toEqual({ requiredApprovals: 2, requiredKeyApprovals: 2 });
    const [row] = await getDatabase().select().from(workspaces).where(eq(workspaces.id, workspace.id));
    expect(row?.name).toBe(workspace.name);
  });

  it("answers 403 to reviewers and analysts", async () => {
    const { workspace, reviewer, analyst } = await createTestTeam();
    for (const who of [reviewer, analyst]) {
      expect((await patch(who, workspace.id, { requiredApprovals: 2, requiredKeyApprovals: 2 })).status).toBe(403);
    }
    expect(await rulesOf(workspace.id)).toEqual({ requiredApprovals: 1, requiredKeyApprovals: 1 });
  });
});
