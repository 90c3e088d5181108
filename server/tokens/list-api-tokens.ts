import { desc, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { apiTokens } from "@/db/schema";
import type { ApiTokenSummary } from "@/lib/schemas/tokens";
import type { Actor } from "../auth/actor";
import { toApiTokenSummary } from "./to-api-token-summary";

export interface ListApiTokensOptions {
  /** Whose tokens to list: always the caller's own. */
  actor: Actor;
}

/** The caller's API tokens, newest first, including revoked and expired ones (never their secrets). */
export async function listApiTokens(options: ListApiTokensOptions): Promise<ApiTokenSummary[]> {
  const rows = await getDatabase()
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, options.actor.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toApiTokenSummary);
}
