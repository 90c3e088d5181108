import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { ListAuditEventsQuery } from "@/lib/schemas/audit";
import { createAssessment } from "../assessments/create-assessment";
import type { Actor } from "../auth/actor";
import { createInvitation } from "../invitations/create-invitation";
import { changeMemberRole } from "../members/change-member-role";
import { createTestTeam, createTestUser } from "../testing/factories";
import { createApiToken } from "../tokens/create-api-token";
import { type AuditView, listAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";

function list(actor: Actor, view: AuditView, query: ListAuditEventsQuery = {}) {
  return listAuditEvents({ actor, view, query });
}

function actionsOf(page: { events: { action: string }[] }): string[] {
  return page.events.map((event) => event.action);
}

/** Events as a review helper writes them: on a judgement, naming its assessment in `data`. */
async function recordJudgementEvent(workspaceId: string, actor: Actor, assessmentId: string, action: string) {
  await recordAuditEvent({
    db: getDatabase(),
    workspaceId,
    actorUserId: actor.id,
    action,
    targetType: "judgement",
    targetId: "jdg_1",
    data: { assessmentId },
  });
}

describe("listAuditEvents, workspace view", () => {
  it("lists the workspace's events newest first with actor and target names, without token events", async () => {
    const team = await createTestTeam();
    const view = { workspaceId: team.workspace.id };
    await changeMemberRole({
      actor: team.owner,
      workspaceId: team.workspace.id,
      userId: team.viewer.id,
      role: "reviewer",
    });
    await createApiToken({ actor: team.owner, name: "script" });
    const assessment = await createAssessment({ actor: team.analyst, workspaceId: team.workspace.id, title: "Rail" });

    const page = await list(team.owner, view);
    expect(actionsOf(page)).toEqual(["assessment.created", "member.role_changed"]);
    expect(page.events[0]).toMatchObject({
      actor: { id: team.analyst.id, name: "Ana Analyst" },
      targetType: "assessment",
      targetId: assessment.id,
      targetLabel: "Rail",
    });
    expect(page.events[1]).toMatchObject({
      actor: { id: team.owner.id, name: "Olivia Owner" },
      targetLabel: "Vic Viewer",
      data: { from: "viewer", to: "reviewer" },
    });
    expect(page.nextCursor).toBeNull();
  });

  it("filters by exact action, action prefix, actor, target type and time", async () => {
    const team = await createTestTeam();
    const workspaceId = team.workspace.id;
    const db = getDatabase();
    const at = (day: string) => new Date(`${day}T12:00:00Z`);
    await db.insert(auditEvents).values([
      {
        workspaceId,
        actorUserId: team.owner.id,
        action: "member.added",
        targetType: "user",
        targetId: team.analyst.id,
        createdAt: at("2026-01-10"),
      },
      {
        workspaceId,
        actorUserId: team.owner.id,
        action: "member.role_changed",
        targetType: "user",
        targetId: team.viewer.id,
        createdAt: at("2026-02-10"),
      },
      {
        workspaceId,
        actorUserId: team.analyst.id,
        action: "observation.retracted",
        targetType: "observation",
        targetId: "o1",
        createdAt: at("2026-03-10"),
      },
      {
        workspaceId,
        actorUserId: team.analyst.id,
        action: "members.other",
        targetType: "user",
        targetId: "x",
        createdAt: at("2026-04-10"),
      },
    ]);
    const view = { workspaceId };

    expect(actionsOf(await list(team.owner, view, { action: "member.added" }))).toEqual(["member.added"]);
    expect(actionsOf(await list(team.owner, view, { action: "member." }))).toEqual([
      "member.role_changed",
      "member.added",
    ]);
    expect(actionsOf(await list(team.owner, view, { actorId: team.analyst.id }))).toEqual([
      "members.other",
      "observation.retracted",
    ]);
    expect(actionsOf(await list(team.owner, view, { targetType: "observation" }))).toEqual(["observation.retracted"]);
    expect(actionsOf(await list(team.owner, view, { from: "2026-02-10", to: "2026-03-10" }))).toEqual([
      "observation.retracted",
      "member.role_changed",
    ]);
    expect(actionsOf(await list(team.owner, view, { to: "2026-02-10T11:59:59Z" }))).toEqual(["member.added"]);
  });

  it("pages with a cursor: no event twice, none missed, nextCursor null on the last page", async () => {
    const team = await createTestTeam();
    const view = { workspaceId: team.workspace.id };
    for (let i = 1; i <= 5; i += 1) {
      await recordJudgementEvent(
        team.workspace.id,
        team.analyst,
        `00000000-0000-4000-8000-00000000000${i}`,
        `test.e${i}`,
      );
    }
    const first = await list(team.owner, view, { limit: 2 });
    const second = await list(team.owner, view, { limit: 2, before: first.nextCursor ?? undefined });
    const third = await list(team.owner, view, { limit: 2, before: second.nextCursor ?? undefined });
    expect([...actionsOf(first), ...actionsOf(second), ...actionsOf(third)]).toEqual([
      "test.e5",
      "test.e4",
      "test.e3",
      "test.e2",
      "test.e1",
    ]);
    expect(first.nextCursor).toBe(first.events[1]?.id);
    expect(third.nextCursor).toBeNull();
  });

  it("is for owners and reviewers: analysts and viewers get 403, outsiders 404; reviewers see no invitations", async () => {
    const team = await createTestTeam();
    const view = { workspaceId: team.workspace.id };
    await createInvitation({
      actor: team.owner,
      workspaceId: team.workspace.id,
      role: "analyst",
      email: "new@example.test",
    });
    const outsider = await createTestUser();

    await expect(list(team.analyst, view)).rejects.toMatchObject({ code: "forbidden:audit" });
    await expect(list(team.viewer, view)).rejects.toMatchObject({ code: "forbidden:audit" });
    await expect(list(outsider, view)).rejects.toMatchObject({ code: "not_found:workspace" });
    expect(actionsOf(await list(team.owner, view))).toContain("invitation.created");
    expect(actionsOf(await list(team.reviewer, view))).not.toContain("invitation.created");
  });
});

describe("listAuditEvents, assessment view", () => {
  it("holds the assessment's own events and those naming it in data, for any member", async () => {
    const team = await createTestTeam();
    const workspaceId = team.workspace.id;
    const mine = await createAssessment({ actor: team.analyst, workspaceId, title: "Mine" });
    const other = await createAssessment({ actor: team.analyst, workspaceId, title: "Other" });
    await recordJudgementEvent(workspaceId, team.reviewer, mine.id, "review.approved");
    await recordJudgementEvent(workspaceId, team.reviewer, other.id, "review.changes_requested");
    await changeMemberRole({ actor: team.owner, workspaceId, userId: team.viewer.id, role: "analyst" });

    const page = await list(team.viewer, { assessmentId: mine.id });
    expect(actionsOf(page)).toEqual(["review.approved", "assessment.created"]);
    expect(actionsOf(await list(team.viewer, { assessmentId: mine.id }, { targetType: "judgement" }))).toEqual([
      "review.approved",
    ]);
  });

  it("never shows another workspace's events, even ones naming the assessment", async () => {
    const team = await createTestTeam();
    const other = await createTestTeam();
    const assessment = await createAssessment({ actor: team.analyst, workspaceId: team.workspace.id, title: "Rail" });
    await recordJudgementEvent(other.workspace.id, other.analyst, assessment.id, "judgement.approved");
    expect(actionsOf(await list(team.owner, { assessmentId: assessment.id }))).toEqual(["assessment.created"]);
  });

  it("answers 404 to non-members and for unknown ids", async () => {
    const team = await createTestTeam();
    const assessment = await createAssessment({ actor: team.analyst, workspaceId: team.workspace.id, title: "Rail" });
    const outsider = await createTestUser();
    await expect(list(outsider, { assessmentId: assessment.id })).rejects.toMatchObject({
      code: "not_found:assessment",
    });
    await expect(list(team.owner, { assessmentId: "not-a-uuid" })).rejects.toMatchObject({
      code: "not_found:assessment",
    });
  });
});
