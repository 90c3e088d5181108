import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { createTestTeam, createTestUser } from "../testing/factories";
import { listWorkspaces } from "../workspaces/list-workspaces";
import { addMember } from "./add-member";
import { changeMemberRole } from "./change-member-role";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function roleOf(workspaceId: string, actor: Parameters<typeof listMembers>[0]["actor"], userId: string) {
  return (await listMembers({ actor, workspaceId })).find((m) => m.userId === userId)?.role;
}

describe("listMembers", () => {
  it("shows every member with their role, owners first, to any member and to no outsider", async () => {
    const { workspace, owner, analyst, reviewer, viewer } = await createTestTeam();
    const members = await listMembers({ actor: viewer, workspaceId: workspace.id });
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      [owner.id, "owner"],
      [analyst.id, "analyst"],
      [reviewer.id, "reviewer"],
      [viewer.id, "viewer"],
    ]);
    expect(members[0]).toMatchObject({ name: owner.name, email: owner.email });
    const outsider = await createTestUser();
    expect(await codeOf(listMembers({ actor: outsider, workspaceId: workspace.id }))).toBe("not_found:workspace");
  });
});

describe("addMember", () => {
  it("adds an existing account by email, in any letter case, with the chosen role", async () => {
    const { workspace, owner } = await createTestTeam();
    const newcomer = await createTestUser();
    const member = await addMember({
      actor: owner,
      workspaceId: workspace.id,
      email: newcomer.email.toUpperCase(),
      role: "reviewer",
    });
    expect(member).toMatchObject({ userId: newcomer.id, role: "reviewer" });
    expect((await listWorkspaces({ actor: newcomer })).map((w) => w.id)).toEqual([workspace.id]);
  });

  it("explains unknown emails and existing members on the email field", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    const unknown = await addMember({
      actor: owner,
      workspaceId: workspace.id,
      email: "nobody@example.test",
      role: "viewer",
    }).catch((e) => e);
    expect(unknown).toMatchObject({ code: "not_found:user", fields: { email: [expect.stringMatching(/invitation/)] } });
    const again = await addMember({
      actor: owner,
      workspaceId: workspace.id,
      email: analyst.email,
      role: "viewer",
    }).catch((e) => e);
    expect(again).toMatchObject({ code: "conflict:member" });
    expect(await roleOf(workspace.id, owner, analyst.id)).toBe("analyst");
  });

  it("is for owners only", async () => {
    const { workspace, analyst, reviewer, viewer } = await createTestTeam();
    const newcomer = await createTestUser();
    for (const actor of [analyst, reviewer, viewer]) {
      expect(await codeOf(addMember({ actor, workspaceId: workspace.id, email: newcomer.email, role: "viewer" }))).toBe(
        "forbidden:workspace",
      );
    }
    expect(await listWorkspaces({ actor: newcomer })).toEqual([]);
  });
});

describe("changeMemberRole", () => {
  it("changes a role, which the member sees at once, and records it", async () => {
    const { workspace, owner, viewer } = await createTestTeam();
    const member = await changeMemberRole({
      actor: owner,
      workspaceId: workspace.id,
      userId: viewer.id,
      role: "analyst",
    });
    expect(member.role).toBe("analyst");
    expect((await listWorkspaces({ actor: viewer }))[0]?.role).toBe("analyst");
    const [event] = await getDatabase()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "member.role_changed")));
    expect(event).toMatchObject({
      actorUserId: owner.id,
      targetId: viewer.id,
      data: { from: "viewer", to: "analyst" },
    });
  });

  it("forbids non-owners and answers 404 for people outside the workspace", async () => {
    const { workspace, owner, analyst, reviewer, viewer } = await createTestTeam();
    for (const actor of [analyst, reviewer, viewer]) {
      expect(
        await codeOf(changeMemberRole({ actor, workspaceId: workspace.id, userId: actor.id, role: "owner" })),
      ).toBe("forbidden:workspace");
    }
    const outsider = await createTestUser();
    expect(
      await codeOf(changeMemberRole({ actor: owner, workspaceId: workspace.id, userId: outsider.id, role: "owner" })),
    ).toBe("not_found:member");
    expect(
      await codeOf(changeMemberRole({ actor: owner, workspaceId: workspace.id, userId: "nope", role: "owner" })),
    ).toBe("not_found:member");
    expect(await roleOf(workspace.id, owner, viewer.id)).toBe("viewer");
  });

  it("never demotes the last owner, but lets one of two owners step down", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    expect(
      await codeOf(changeMemberRole({ actor: owner, workspaceId: workspace.id, userId: owner.id, role: "analyst" })),
    ).toBe("conflict:last_owner");
    await changeMemberRole({ actor: owner, workspaceId: workspace.id, userId: analyst.id, role: "owner" });
    await changeMemberRole({ actor: owner, workspaceId: workspace.id, userId: owner.id, role: "viewer" });
    expect(await roleOf(workspace.id, analyst, owner.id)).toBe("viewer");
    expect(await roleOf(workspace.id, analyst, analyst.id)).toBe("owner");
  });

  it("keeps an owner when two owners demote each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const { workspace, owner, analyst: second } = await createTestTeam();
      await changeMemberRole({ actor: owner, workspaceId: workspace.id, userId: second.id, role: "owner" });
      const results = await Promise.allSettled([
        changeMemberRole({ actor: owner, workspaceId: workspace.id, userId: second.id, role: "analyst" }),
        changeMemberRole({ actor: second, workspaceId: workspace.id, userId: owner.id, role: "analyst" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const members = await listMembers({ actor: owner, workspaceId: workspace.id });
      expect(members.filter((m) => m.role === "owner")).toHaveLength(1);
    }
  });
});

describe("removeMember", () => {
  it("lets an owner remove a member, who then no longer sees the workspace", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    await removeMember({ actor: owner, workspaceId: workspace.id, userId: analyst.id });
    expect(await listWorkspaces({ actor: analyst })).toEqual([]);
    expect(await codeOf(listMembers({ actor: analyst, workspaceId: workspace.id }))).toBe("not_found:workspace");
  });

  it("lets any member leave, but not remove others", async () => {
    const { workspace, owner, reviewer, viewer } = await createTestTeam();
    expect(await codeOf(removeMember({ actor: reviewer, workspaceId: workspace.id, userId: viewer.id }))).toBe(
      "forbidden:workspace",
    );
    await removeMember({ actor: viewer, workspaceId: workspace.id, userId: viewer.id });
    expect((await listMembers({ actor: owner, workspaceId: workspace.id })).map((m) => m.userId)).not.toContain(
      viewer.id,
    );
    const [event] = await getDatabase()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "member.left")));
    expect(event).toMatchObject({ actorUserId: viewer.id, targetId: viewer.id });
  });

  it("never removes the last owner, even when they try to leave", async () => {
    const { workspace, owner } = await createTestTeam();
    const error = await removeMember({ actor: owner, workspaceId: workspace.id, userId: owner.id }).catch((e) => e);
    expect(error).toMatchObject({ code: "conflict:last_owner", message: expect.stringMatching(/only owner/) });
    expect(await roleOf(workspace.id, owner, owner.id)).toBe("owner");
  });

  it("keeps an owner when two owners remove each other at the same moment", async () => {
    const { workspace, owner, analyst: second } = await createTestTeam();
    await changeMemberRole({ actor: owner, workspaceId: workspace.id, userId: second.id, role: "owner" });
    const results = await Promise.allSettled([
      removeMember({ actor: owner, workspaceId: workspace.id, userId: second.id }),
      removeMember({ actor: second, workspaceId: workspace.id, userId: owner.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const remaining = (
      await getDatabase().query.memberships.findMany({ where: (m, { eq }) => eq(m.workspaceId, workspace.id) })
    ).filter((m) => m.role === "owner");
    expect(remaining).toHaveLength(1);
  });
});
