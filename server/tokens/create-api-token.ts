import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type CreatedApiToken, createApiTokenInput } from "@/lib/schemas/tokens";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { parseInput } from "../http/parse-input";
import { toApiTokenSummary } from "./to-api-token-summary";
import { generateSecret, hashSecret } from "./token-secret";

/** How much of the secret lists show: `plx_` and 8 random characters, too few to be useful to anyone. */
const PREFIX_LENGTH = 12;

export interface CreateApiTokenOptions {
  /** The owner of the new token; must be signed in (not authenticated by another token). */
  actor: Actor;
  /** A label to recognise the token by, 1–100 characters. */
  name: string;
  /** Days until the token stops working (1–3650); omitted means until revoked. */
  expiresInDays?: number;
}

/**
 * Creates a personal API token. The secret is returned once and only its hash is stored, so
 * it cannot be shown again. Tokens cannot create tokens: a leaked token must not be able to
 * mint replacements that outlive its revocation.
 */
export async function createApiToken(options: CreateApiTokenOptions): Promise<CreatedApiToken> {
  if (options.actor.via === "token") {
    throw new AppError("forbidden:api_token", "API tokens cannot create other tokens. Sign in to create one.");
  }
  const input = parseInput(createApiTokenInput, { name: options.name, expiresInDays: options.expiresInDays });
  const secret = generateSecret();
  return getDatabase().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: options.actor.id,
        name: input.name,
        prefix: secret.slice(0, PREFIX_LENGTH),
        tokenHash: hashSecret(secret),
        expiresAt: input.expiresInDays ? sql`now() + make_interval(days => ${input.expiresInDays})` : null,
      })
      .returning();
    if (!row) throw new Error("insert into api_tokens returned no row");
    await recordAuditEvent({
      db: tx,
      workspaceId: null,
      actorUserId: auditActorId(options.actor),
      action: "api_token.created",
      targetType: "api_token",
      targetId: row.id,
      data: { name: row.name, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return { token: toApiTokenSummary(row), secret };
  });
}
