import type { ApiToken } from "@/db/schema";
import type { ApiTokenSummary } from "@/lib/schemas/tokens";

/** The public view of a token row: everything but the hash and the owner. */
export function toApiTokenSummary(row: ApiToken): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
