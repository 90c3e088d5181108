import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { memberships, workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import { changeMemberRoleInput, type Member } from "@/lib/schemas/workspaces";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishMembershipChanged } from "../events/publish-membership-changed";
import { parseInput } from "../http/parse-input";
import { isUuid, requireMembership } from "../policies/require-membership";
import { lockWorkspace } from "../workspaces/lock-workspace";
import { countOwners, queryMembers } from "./query-members";

export interface ChangeMemberRoleOptions {
  actor: Actor;
  workspaceId: string;
  /** The member whose role changes; owners may change their own. */
  userId: string;
  role: WorkspaceRole;
}

/**
 * Gives a member another role (owners only). A workspace never ends up without an owner:
 * demoting the last one is refused with 409 `conflict:last_owner`.
 */
export async function changeMemberRole(options: ChangeMemberRoleOptions): Promise<Member> {
  const { role } = parseInput(changeMemberRoleInput, { role: options.role });
  const { actor, workspaceId, userId } = options;
  const member = await getDatabase().transaction(async (tx) => {
    // Lock first, then read the caller's role: an owner demoted a moment ago by a concurrent
    // request must be seen as demoted here, not act on a stale role.
    await lockWorkspace(tx, workspaceId);
    const callerRole = await requireMembership({ db: tx, workspaceId, actor });
    if (callerRole !== "owner") throw new AppError("forbidden:workspace", "Only owners can change roles.");
    const [target] = isUuid(userId) ? await queryMembers({ db: tx, workspaceId, userId }) : [];
    if (!target) throw new AppError("not_found:member", "This person is not a member of this workspace.");
    if (target.role === role) return target;
    if (target.role === "owner" && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError(
        "conflict:last_owner",
        "A workspace needs at least one owner. Make someone else an owner before changing this role.",
      );
    }
    await tx
      .update(memberships)
      .set({ role, updatedAt: sql`now()` })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await tx.update(workspaces).set({ updatedAt: sql`now()` }).where(eq(workspaces.id, workspaceId));
    await recordAuditEvent({
      db: tx,
      workspaceId,
      actorUserId: auditActorId(actor),
      action: "member.role_changed",
      targetType: "user",
      targetId: userId,
      data: { from: target.role, to: role },
    });
    return { ...target, role };
  });
  // After the commit: live document connections of this user switch to the new role.
  await publishMembershipChanged({ workspaceId, userId });
  return member;
}
