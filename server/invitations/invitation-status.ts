import { sql } from "drizzle-orm";
import { invitations } from "@/db/schema";
import type { InvitationStatus } from "@/lib/schemas/invitations";

/**
 * An invitation's status, computed by the database so that "expired" is judged by the same
 * clock everywhere (several server processes may share one database).
 */
export const invitationStatusSql = sql<InvitationStatus>`case
  when ${invitations.revokedAt} is not null then 'revoked'
  when ${invitations.acceptedAt} is not null then 'accepted'
  when ${invitations.expiresAt} <= now() then 'expired'
  else 'pending' end`;

/** Prefix of invitation secrets, so that people and secret scanners can tell them from API tokens. */
export const INVITATION_TOKEN_PREFIX = "plxi_";

const TOKEN_SHAPE = /^plxi_[A-Za-z0-9_-]{20,100}$/;

/** Whether a string can be an invitation secret; anything else is "not found" without a lookup. */
export function isInvitationToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** Shown for tokens that match no invitation. */
export const INVALID_INVITATION_MESSAGE = "This invitation link is not valid. Check that you copied all of it.";
