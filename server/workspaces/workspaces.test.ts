import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { auditEvents, memberships, workspaces } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { operatorActor } from "../auth/actor";
import { createTestTeam, createTestUser, createTestWorkspace } from "../testing/factories";
import { createWorkspace } from "./create-workspace";
import { getWorkspace } from "./get-workspace";
import { listWorkspaces } from "./list-workspaces";
import { renameWorkspace } from "./rename-workspace";

/** The error code a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("createWorkspace", () => {
  it("makes the creator the only owner and records who created it", async () => {
    const creator = await createTestUser();
    const workspace = await createWorkspace({ actor: creator, name: "  Beyond Parallel  " });
    expect(workspace).toMatchObject({ name: "Beyond Parallel", role: "owner", memberCount: 1 });
    const rows = await getDatabase().select().from(memberships).where(eq(memberships.workspaceId, workspace.id));
    expect(rows).toEqual([expect.objectContaining({ userId: creator.id, role: "owner" })]);
    const [event] = await getDatabase().select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id));
    expect(event).toMatchObject({ action: "workspace.created", actorUserId: creator.id });
  });

  it("refuses a blank name with a message for the field", async () => {
    const creator = await createTestUser();
    const error = await createWorkspace({ actor: creator, name: "   " }).catch((e) => e);
    expect(error.code).toBe("bad_request:validation");
    expect(error.fields).toEqual({ name: ["Enter a workspace name."] });
    expect(await listWorkspaces({ actor: creator })).toEqual([]);
  });
});

describe("listWorkspaces and getWorkspace", () => {
  it("lists only the caller's workspaces, by name, with their role in each", async () => {
    const ana = await createTestUser();
    const other = await createTestUser();
    const zulu = await createTestWorkspace(ana, "zulu desk");
    const alpha = await createTestWorkspace(other, "Alpha team");
    await createTestUser(); // someone unrelated
    await getDatabase().insert(memberships).values({ workspaceId: alpha.id, userId: ana.id, role: "viewer" });
    await createTestWorkspace(other, "Not Ana's");

    const list = await listWorkspaces({ actor: ana });
    expect(list.map((w) => [w.name, w.role, w.memberCount])).toEqual([
      ["Alpha team", "viewer", 2],
      ["zulu desk", "owner", 1],
    ]);
    expect(await getWorkspace({ actor: ana, workspaceId: zulu.id })).toMatchObject({ id: zulu.id, role: "owner" });
  });

  it("answers 404 for workspaces of other teams, unknown ids and malformed ids alike", async () => {
    const { workspace } = await createTestTeam();
    const outsider = await createTestUser();
    expect(await codeOf(getWorkspace({ actor: outsider, workspaceId: workspace.id }))).toBe("not_found:workspace");
    expect(await codeOf(getWorkspace({ actor: outsider, workspaceId: crypto.randomUUID() }))).toBe(
      "not_found:workspace",
    );
    expect(await codeOf(getWorkspace({ actor: outsider, workspaceId: "1 or 1=1" }))).toBe("not_found:workspace");
  });

  it("lets the CLI operator see every workspace", async () => {
    const { workspace } = await createTestTeam();
    const summary = await getWorkspace({ actor: operatorActor(), workspaceId: workspace.id });
    expect(summary).toMatchObject({ id: workspace.id, role: "owner", memberCount: 4 });
  });
});

describe("renameWorkspace", () => {
  it("lets an owner rename, records the change and bumps updated_at", async () => {
    const { workspace, owner, viewer } = await createTestTeam();
    const updatedAt = async () =>
      (await getDatabase().select().from(workspaces).where(eq(workspaces.id, workspace.id)))[0]?.updatedAt.getTime();
    const before = await updatedAt();
    const renamed = await renameWorkspace({ actor: owner, workspaceId: workspace.id, name: "CSIS Beyond Parallel" });
    expect(renamed.name).toBe("CSIS Beyond Parallel");
    expect(await updatedAt()).toBeGreaterThan(before ?? Number.POSITIVE_INFINITY);
    expect((await getWorkspace({ actor: viewer, workspaceId: workspace.id })).name).toBe("CSIS Beyond Parallel");
    const events = await getDatabase()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "workspace.renamed")));
    expect(events).toEqual([
      expect.objectContaining({ actorUserId: owner.id, data: { from: workspace.name, to: "CSIS Beyond Parallel" } }),
    ]);
  });

  it("forbids analysts, reviewers and viewers, and hides the workspace from outsiders", async () => {
    const { workspace, analyst, reviewer, viewer } = await createTestTeam();
    for (const actor of [analyst, reviewer, viewer]) {
      expect(await codeOf(renameWorkspace({ actor, workspaceId: workspace.id, name: "Mine now" }))).toBe(
        "forbidden:workspace",
      );
    }
    const outsider = await createTestUser();
    expect(await codeOf(renameWorkspace({ actor: outsider, workspaceId: workspace.id, name: "Mine now" }))).toBe(
      "not_found:workspace",
    );
    expect((await getWorkspace({ actor: viewer, workspaceId: workspace.id })).name).toBe(workspace.name);
  });
});
