import { desc, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { invitations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { InvitationSummary } from "@/lib/schemas/invitations";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";
import { invitationStatusSql } from "./invitation-status";

export interface ListInvitationsOptions {
  actor: Actor;
  workspaceId: string;
}

/** Every invitation link of a workspace, newest first, with its status (owners only). */
export async function listInvitations(options: ListInvitationsOptions): Promise<InvitationSummary[]> {
  const db = getDatabase();
  const role = await requireMembership({ db, workspaceId: options.workspaceId, actor: options.actor });
  if (role !== "owner") throw new AppError("forbidden:workspace", "Only owners can see invitation links.");
  const rows = await db
    .select({
      id: invitations.id,
      role: invitations.role,
      email: invitations.email,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      creatorId: users.id,
      creatorName: users.name,
      status: invitationStatusSql,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(eq(invitations.workspaceId, options.workspaceId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map(({ creatorId, creatorName, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    createdBy: creatorId && creatorName !== null ? { id: creatorId, name: creatorName } : null,
  }));
}
