import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import { getEventBus } from "../events/event-bus";

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
  if (userIds.length === 0) return;
  await getEventBus().publish({ type: "notifications.changed", userIds: [...userIds] });
}
