import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { UserOutput } from "@/lib/schemas/users";
import { hashSecret } from "./token-secret";

/** The user behind a live (unrevoked, unexpired) API token, or null. Touches `last_used_at`. */
export async function authenticateApiToken(secret: string): Promise<(UserOutput & { tokenId: string }) | null> {
  if (secret.length < 8 || secret.length > 200) return null;
  const db = getDatabase();
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      email: users.email,
      name: users.name,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(secret)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  if (!row) return null;
  // Once a minute is precise enough for "last used" and keeps writes off the hot path.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  return { id: row.id, email: row.email, name: row.name, tokenId: row.tokenId };
}
