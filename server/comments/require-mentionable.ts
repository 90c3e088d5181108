import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * The mentioned user ids without repeats, once every one is a member of the workspace; anyone
 * else is a 400 on `mentionIds`, so a comment cannot notify (or reveal itself to) an outsider.
 */
export async function requireMentionable(options: {
  db: Executor;
  workspaceId: string;
  mentionIds: readonly string[] | undefined;
}): Promise<string[]> {
  const ids = [...new Set(options.mentionIds ?? [])];
  if (ids.length === 0) return ids;
  const members = await options.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, options.workspaceId), inArray(memberships.userId, ids)));
  const memberIds = new Set(members.map((member) => member.userId));
  if (ids.some((id) => !memberIds.has(id))) {
    throw new AppError("bad_request:validation", "Some fields are not valid.", {
      fields: { mentionIds: ["Mention only members of this workspace."] },
    });
  }
  return ids;
}
