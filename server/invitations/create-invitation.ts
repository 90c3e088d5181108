import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { invitations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import { type CreatedInvitation, createInvitationInput } from "@/lib/schemas/invitations";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { env } from "../env";
import { parseInput } from "../http/parse-input";
import { requireMembership } from "../policies/require-membership";
import { generateSecret, hashSecret } from "../tokens/token-secret";
import { lockWorkspace } from "../workspaces/lock-workspace";
import { INVITATION_TOKEN_PREFIX } from "./invitation-status";

export interface CreateInvitationOptions {
  actor: Actor;
  workspaceId: string;
  /** The role whoever accepts the link receives. */
  role: WorkspaceRole;
  /** A note of whom the link is meant for; the link itself works for whoever holds it. */
  email?: string | null;
  /** Lifetime of the link; defaults to INVITATION_TTL_HOURS. */
  expiresInHours?: number;
}

/**
 * Creates a single-use invitation link (owners only). The secret is returned once, here; only
 * its SHA-256 is stored, so a database leak does not leak working links.
 */
export async function createInvitation(options: CreateInvitationOptions): Promise<CreatedInvitation> {
  const input = parseInput(createInvitationInput, {
    role: options.role,
    email: options.email ?? undefined,
    expiresInHours: options.expiresInHours,
  });
  const { actor, workspaceId } = options;
  const hours = input.expiresInHours ?? env().INVITATION_TTL_HOURS;
  const token = generateSecret(INVITATION_TOKEN_PREFIX);
  return getDatabase().transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const callerRole = await requireMembership({ db: tx, workspaceId, actor });
    if (callerRole !== "owner") throw new AppError("forbidden:workspace", "Only owners can invite people.");
    const [row] = await tx
      .insert(invitations)
      .values({
        workspaceId,
        role: input.role,
        email: input.email ?? null,
        tokenHash: hashSecret(token),
        createdBy: auditActorId(actor),
        expiresAt: sql`now() + make_interval(hours => ${hours})`,
      })
      .returning({
        id: invitations.id,
        role: invitations.role,
        email: invitations.email,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
      });
    if (!row) throw new Error("insert into invitations returned no row");
    await recordAuditEvent({
      db: tx,
      workspaceId,
      actorUserId: auditActorId(actor),
      action: "invitation.created",
      targetType: "invitation",
      targetId: row.id,
      data: { role: row.role, email: row.email, expiresAt: row.expiresAt.toISOString() },
    });
    const createdBy = actor.via === "operator" ? null : { id: actor.id, name: actor.name };
    return {
      invitation: {
        ...row,
        createdAt: row.createdAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        createdBy,
        status: "pending",
      },
      token,
      url: `${env().publicUrl}/invite/${token}`,
    };
  });
}
