import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships } from "@/db/schema";
import { isUuid } from "../policies/require-membership";

/**
 * Those of `userIds` who are members of the workspace now: people who left are not notified
 * about its judgements (they could not open them anyway).
 */
export async function currentMembers(
  db: Executor,
  workspaceId: string,
  userIds: Iterable<string>,
): Promise<Set<string>> {
  // Author lists are JSON written by the projection: anything not a user id is nobody to notify.
  const ids = [...new Set(userIds)].filter(isUuid);
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids)));
  return new Set(rows.map((row) => row.userId));
}
