import { and, eq, sql } from "drizzle-orm";
import { getDatabase, type Transaction } from "@/db/client";
import { invitations, memberships, workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { WORKSPACE_ROLES, type WorkspaceRole } from "@/lib/roles";
import { type AcceptedInvitation, acceptInvitationInput, type InvitationStatus } from "@/lib/schemas/invitations";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { publishMembershipChanged } from "../events/publish-membership-changed";
import { parseInput } from "../http/parse-input";
import { hashSecret } from "../tokens/token-secret";
import { lockWorkspace } from "../workspaces/lock-workspace";
import { INVALID_INVITATION_MESSAGE, invitationStatusSql, isInvitationToken } from "./invitation-status";

export interface AcceptInvitationOptions {
  /** The signed-in user joining the workspace. */
  actor: Actor;
  /** The secret from the link. */
  token: string;
}

const GONE_MESSAGES: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation link has already been used. Ask a workspace owner for a new one.",
  expired: "This invitation link has expired. Ask a workspace owner for a new one.",
  revoked: "This invitation link was revoked. Ask a workspace owner for a new one.",
};

/**
 * Joins the workspace of an invitation link with the link's role. Links are single use: the
 * first acceptance consumes it, and used, expired or revoked links are 410 `gone:invitation`
 * with a message saying which. Someone who is already a member keeps the higher of their role
 * and the link's; if that changes nothing, the link is left unused for the person it was meant for.
 */
export async function acceptInvitation(options: AcceptInvitationOptions): Promise<AcceptedInvitation> {
  const { token } = parseInput(acceptInvitationInput, { token: options.token });
  const { actor } = options;
  if (actor.via === "operator")
    throw new AppError("forbidden:invitation", "Sign in as a user to accept an invitation.");
  if (!isInvitationToken(token)) throw new AppError("not_found:invitation", INVALID_INVITATION_MESSAGE);
  const accepted = await getDatabase().transaction(async (tx) => {
    // The row lock makes acceptance single use even when two people open the link at once.
    const [invitation] = await tx
      .select({
        id: invitations.id,
        workspaceId: invitations.workspaceId,
        role: invitations.role,
        status: invitationStatusSql,
      })
      .from(invitations)
      .where(eq(invitations.tokenHash, hashSecret(token)))
      .for("update");
    if (!invitation) throw new AppError("not_found:invitation", INVALID_INVITATION_MESSAGE);
    if (invitation.status !== "pending") throw new AppError("gone:invitation", GONE_MESSAGES[invitation.status]);
    const { workspaceId } = invitation;
    await lockWorkspace(tx, workspaceId);
    const role = await joinWithRole(tx, {
      workspaceId,
      userId: actor.id,
      role: invitation.role,
      invitationId: invitation.id,
    });
    return { workspaceId, role };
  });
  // A member whose role the link raised gets write access in open documents at once.
  await publishMembershipChanged({ workspaceId: accepted.workspaceId, userId: actor.id });
  return accepted;
}

const rank = (role: WorkspaceRole) => WORKSPACE_ROLES.indexOf(role);

interface JoinWithRoleOptions {
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
  invitationId: string;
}

/** Adds or upgrades the membership and consumes the link; returns the resulting role. */
async function joinWithRole(tx: Transaction, options: JoinWithRoleOptions): Promise<WorkspaceRole> {
  const { workspaceId, userId, invitationId } = options;
  const [existing] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (existing && rank(existing.role) <= rank(options.role)) return existing.role;
  const audit = { db: tx, workspaceId, actorUserId: userId, targetType: "user" as const, targetId: userId };
  if (existing) {
    await tx
      .update(memberships)
      .set({ role: options.role, updatedAt: sql`now()` })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await recordAuditEvent({
      ...audit,
      action: "member.role_changed",
      data: { from: existing.role, to: options.role, invitationId },
    });
  } else {
    await tx.insert(memberships).values({ workspaceId, userId, role: options.role });
    await recordAuditEvent({ ...audit, action: "member.added", data: { role: options.role, invitationId } });
  }
  await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(eq(invitations.id, invitationId));
  await tx.update(workspaces).set({ updatedAt: sql`now()` }).where(eq(workspaces.id, workspaceId));
  await recordAuditEvent({
    ...audit,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: invitationId,
    data: { role: options.role },
  });
  return options.role;
}
