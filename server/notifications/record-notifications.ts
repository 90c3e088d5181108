import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import { getEventBus } from "../events/event-bus";
import { logger } from "../logger";

export type NotificationKind = (typeof notifications.kind.enumValues)[number];

/** One notification to record for one user. */
export interface NotificationInput {
  userId: string;
  workspaceId: string;
  assessmentId?: string | null;
  kind: NotificationKind;
  /** Who caused it; nobody is notified of their own action. */
  actorUserId?: string | null;
  judgementId?: string | null;
  threadId?: string | null;
  /** One line of plain text, e.g. `Ana asked you to review "Rail logistics"`. */
  summary: string;
  /** Makes recording idempotent: one notification per user, kind and subject (e.g. a review id). */
  subjectKey?: string | null;
}

/**
 * Records notifications in the transaction of the change they announce, skipping the actor's own
 * and any already recorded for the same subject. Resolves with the users who got a new one: pass
 * them to `announceNotifications` after the commit.
 */
export async function recordNotifications(db: Executor, items: readonly NotificationInput[]): Promise<string[]> {
  const rows = items.filter((item) => item.userId !== item.actorUserId);
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(notifications)
    .values(
      rows.map((item) => ({
        userId: item.userId,
        workspaceId: item.workspaceId,
        assessmentId: item.assessmentId ?? null,
        kind: item.kind,
        actorUserId: item.actorUserId ?? null,
        judgementId: item.judgementId ?? null,
        threadId: item.threadId ?? null,
        summary: item.summary.slice(0, 500),
        subjectKey: item.subjectKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId });
  return [...new Set(inserted.map((row) => row.userId))];
}

/** Tells every process that these users' notifications changed (after the commit). Never throws. */
export async function announceNotifications(userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  // The event carries at most 1000 users (other processes validate it): larger sets go in pieces.
  for (let start = 0; start < unique.length; start += 1000) {
    await getEventBus().publish({ type: "notifications.changed", userIds: unique.slice(start, start + 1000) });
  }
}

/**
 * Runs `record` (which calls `recordNotifications`) in a savepoint of the change's transaction: a
 * notification that cannot be written is logged and costs the change itself nothing, because a
 * comment or a verdict matters more than telling someone about it. Resolves with the users to
 * announce to after the commit (none when recording failed).
 */
export async function recordNotificationsSafely(
  db: Executor,
  what: string,
  record: (savepoint: Executor) => Promise<string[]>,
): Promise<string[]> {
  try {
    return await db.transaction((savepoint) => record(savepoint));
  } catch (error) {
    logger().error({ err: error, what }, "recording notifications failed");
    return [];
  }
}
