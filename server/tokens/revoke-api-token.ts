import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { getEventBus } from "../events/event-bus";
import { isUuid } from "../policies/require-membership";

export interface RevokeApiTokenOptions {
  /** The token's owner; anyone else's token ids are "not found". */
  actor: Actor;
  tokenId: string;
}

/**
 * Revokes one of the caller's tokens. It stops working on the next request, since every request
 * checks `revoked_at`. Revoking an already revoked token keeps the original time.
 */
export async function revokeApiToken(options: RevokeApiTokenOptions): Promise<void> {
  if (!isUuid(options.tokenId)) throw new AppError("not_found:api_token");
  await getDatabase().transaction(async (tx) => {
    const [token] = await tx
      .select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, options.tokenId), eq(apiTokens.userId, options.actor.id)))
      .for("update");
    if (!token) throw new AppError("not_found:api_token", "The API token was not found.");
    if (token.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(eq(apiTokens.id, token.id));
    await recordAuditEvent({
      db: tx,
      workspaceId: null,
      actorUserId: auditActorId(options.actor),
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: token.id,
    });
  });
  // After the commit: live Socket.io connections opened with this token close on every process.
  await getEventBus().publish({ type: "api_token.revoked", tokenId: options.tokenId });
}
