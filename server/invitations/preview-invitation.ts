import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { invitations, workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { InvitationPreview } from "@/lib/schemas/invitations";
import { hashSecret } from "../tokens/token-secret";
import { INVALID_INVITATION_MESSAGE, invitationStatusSql, isInvitationToken } from "./invitation-status";

export interface PreviewInvitationOptions {
  /** The secret from the link. Holding it is the authorisation to see what it offers. */
  token: string;
}

/**
 * What an invitation link offers (workspace, role, expiry, status), for the page a link opens
 * before anyone accepts it. Expired, used and revoked links are returned with their status so
 * the page can say which; unknown tokens are 404.
 */
export async function previewInvitation(options: PreviewInvitationOptions): Promise<InvitationPreview> {
  const token = options.token.trim();
  if (!isInvitationToken(token)) throw new AppError("not_found:invitation", INVALID_INVITATION_MESSAGE);
  const [row] = await getDatabase()
    .select({
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      status: invitationStatusSql,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, hashSecret(token)));
  if (!row) throw new AppError("not_found:invitation", INVALID_INVITATION_MESSAGE);
  return { ...row, expiresAt: row.expiresAt.toISOString() };
}
