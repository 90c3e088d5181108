import { getDatabase } from "@/db/client";
import { memberships, workspaces } from "@/db/schema";
import { createWorkspaceInput, type WorkspaceSummary } from "@/lib/schemas/workspaces";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { parseInput } from "../http/parse-input";

export interface CreateWorkspaceOptions {
  /** Who creates the workspace; they become its first owner. */
  actor: Actor;
  /** The workspace name as typed; trimmed. */
  name: string;
}

/**
 * Creates a workspace with the caller as its only owner. The CLI operator is not a user, so a
 * workspace it creates starts without members (it adds an owner next).
 */
export async function createWorkspace(options: CreateWorkspaceOptions): Promise<WorkspaceSummary> {
  const { name } = parseInput(createWorkspaceInput, { name: options.name });
  const actorUserId = auditActorId(options.actor);
  return getDatabase().transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name, createdBy: actorUserId }).returning({
      id: workspaces.id,
      name: workspaces.name,
      requiredApprovals: workspaces.requiredApprovals,
      requiredKeyApprovals: workspaces.requiredKeyApprovals,
      createdAt: workspaces.createdAt,
    });
    if (!workspace) throw new Error("insert into workspaces returned no row");
    if (actorUserId) {
      await tx.insert(memberships).values({ workspaceId: workspace.id, userId: actorUserId, role: "owner" });
    }
    await recordAuditEvent({
      db: tx,
      workspaceId: workspace.id,
      actorUserId,
      action: "workspace.created",
      targetType: "workspace",
      targetId: workspace.id,
      data: { name },
    });
    return {
      ...workspace,
      role: "owner",
      memberCount: actorUserId ? 1 : 0,
      createdAt: workspace.createdAt.toISOString(),
    };
  });
}
