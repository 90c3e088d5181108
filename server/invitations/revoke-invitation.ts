import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { invitations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { isUuid, requireMembership } from "../policies/require-membership";

export interface RevokeInvitationOptions {
  actor: Actor;
  workspaceId: string;
  invitationId: string;
}

/**
 * Revokes an invitation link so nobody can use it any more (owners only). Revoking a revoked
 * link is a no-op; a link that was already used cannot be revoked (remove the member instead).
 */
export async function revokeInvitation(options: RevokeInvitationOptions): Promise<void> {
  const { actor, workspaceId, invitationId } = options;
  await getDatabase().transaction(async (tx) => {
    const role = await requireMembership({ db: tx, workspaceId, actor });
    if (role !== "owner") throw new AppError("forbidden:workspace", "Only owners can revoke invitation links.");
    // Row lock: a concurrent acceptance either finishes first (and we refuse) or sees the revocation.
    const [invitation] = isUuid(invitationId)
      ? await tx
          .select({ acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
          .from(invitations)
          .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId)))
          .for("update")
      : [];
    if (!invitation) throw new AppError("not_found:invitation");
    if (invitation.revokedAt) return;
    if (invitation.acceptedAt) {
      throw new AppError(
        "conflict:invitation",
        "This invitation link has already been used. Remove the member instead if they should not have access.",
      );
    }
    await tx.update(invitations).set({ revokedAt: sql`now()` }).where(eq(invitations.id, invitationId));
    await recordAuditEvent({
      db: tx,
      workspaceId,
      actorUserId: auditActorId(actor),
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitationId,
    });
  });
}
