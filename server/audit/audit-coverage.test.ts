import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { retractObservation } from "../evidence/retract-observation";
import { changeMemberRole } from "../members/change-member-role";
import { removeMember } from "../members/remove-member";
import { createTestObservation, createTestSource } from "../testing/evidence-factories";
import { createTestTeam } from "../testing/factories";
import { createApiToken } from "../tokens/create-api-token";
import { revokeApiToken } from "../tokens/revoke-api-token";

/** The audit events on one target, oldest first, as `action` and `data`. */
async function eventsOn(targetType: string, targetId: string) {
  const rows = await getDatabase()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, targetType), eq(auditEvents.targetId, targetId)))
    .orderBy(auditEvents.id);
  return rows.map(({ action, actorUserId, workspaceId, data }) => ({ action, actorUserId, workspaceId, data }));
}

describe("actions that write audit events", () => {
  it("records role changes, removals and leaving with who did it and the role involved", async () => {
    const team = await createTestTeam();
    const workspaceId = team.workspace.id;
    await changeMemberRole({ actor: team.owner, workspaceId, userId: team.viewer.id, role: "reviewer" });
    await removeMember({ actor: team.owner, workspaceId, userId: team.viewer.id });
    await removeMember({ actor: team.analyst, workspaceId, userId: team.analyst.id });

    expect(await eventsOn("user", team.viewer.id)).toEqual([
      {
        action: "member.role_changed",
        actorUserId: team.owner.id,
        workspaceId,
        data: { from: "viewer", to: "reviewer" },
      },
      { action: "member.removed", actorUserId: team.owner.id, workspaceId, data: { role: "reviewer" } },
    ]);
    expect(await eventsOn("user", team.analyst.id)).toEqual([
      { action: "member.left", actorUserId: team.analyst.id, workspaceId, data: { role: "analyst" } },
    ]);
  });

  it("records token creation and revocation outside any workspace, never the secret", async () => {
    const team = await createTestTeam();
    const { token, secret } = await createApiToken({ actor: team.owner, name: "nightly export" });
    await revokeApiToken({ actor: team.owner, tokenId: token.id });

    const events = await eventsOn("api_token", token.id);
    expect(events.map((event) => [event.action, event.workspaceId, event.actorUserId])).toEqual([
      ["api_token.created", null, team.owner.id],
      ["api_token.revoked", null, team.owner.id],
    ]);
    expect(events[0]?.data).toMatchObject({ name: "nightly export" });
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it("records an observation's retraction with its reason", async () => {
    const team = await createTestTeam();
    const workspaceId = team.workspace.id;
    const source = await createTestSource(team.analyst, workspaceId);
    const observation = await createTestObservation(team.analyst, workspaceId, {
      summary: "About 60 rail cars",
      observed: { precision: "month", month: "2024-02" },
      credibility: 2,
      sourceIds: [source.id],
    });
    await retractObservation({
      actor: team.owner,
      workspaceId,
      observationId: observation.id,
      reason: "Misdated imagery",
    });

    const events = await eventsOn("observation", observation.id);
    expect(events.map((event) => event.action)).toEqual(["observation.created", "observation.retracted"]);
    expect(events[1]).toMatchObject({ actorUserId: team.owner.id, workspaceId });
    expect(JSON.stringify(events[1]?.data)).toContain("Misdated imagery");
  });
});
