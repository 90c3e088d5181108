import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { memberships, workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishMembershipChanged } from "../events/publish-membership-changed";
import { isUuid, requireMembership } from "../policies/require-membership";
import { lockWorkspace } from "../workspaces/lock-workspace";
import { countOwners, queryMembers } from "./query-members";

export interface RemoveMemberOptions {
  actor: Actor;
  workspaceId: string;
  /** The member to remove; the caller's own id means "leave the workspace". */
  userId: string;
}

/**
 * Removes a member. Owners may remove anyone; every member may remove themself (leave).
 * The last owner can do neither: 409 `conflict:last_owner`.
 */
export async function removeMember(options: RemoveMemberOptions): Promise<void> {
  const { actor, workspaceId, userId } = options;
  const isLeaving = actor.via !== "operator" && actor.id === userId;
  await getDatabase().transaction(async (tx) => {
    // Same lock as role changes, so that "another owner exists" still holds at commit.
    await lockWorkspace(tx, workspaceId);
    const callerRole = await requireMembership({ db: tx, workspaceId, actor });
    if (!isLeaving && callerRole !== "owner") {
      throw new AppError("forbidden:workspace", "Only owners can remove other members.");
    }
    const [target] = isUuid(userId) ? await queryMembers({ db: tx, workspaceId, userId }) : [];
    if (!target) throw new AppError("not_found:member", "This person is not a member of this workspace.");
    if (target.role === "owner" && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError(
        "conflict:last_owner",
        isLeaving
          ? "You are the only owner. Make someone else an owner before leaving the workspace."
          : "A workspace needs at least one owner. Make someone else an owner first.",
      );
    }
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await tx.update(workspaces).set({ updatedAt: sql`now()` }).where(eq(workspaces.id, workspaceId));
    await recordAuditEvent({
      db: tx,
      workspaceId,
      actorUserId: auditActorId(actor),
      action: isLeaving ? "member.left" : "member.removed",
      targetType: "user",
      targetId: userId,
      data: { role: target.role },
    });
  });
  // After the commit: open documents on every process re-check this user and close theirs.
  await publishMembershipChanged({ workspaceId, userId });
}
