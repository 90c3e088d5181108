import { and, eq, isNull, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { notifications } from "@/db/schema";
import type { UnreadNotificationsDto } from "@/lib/schemas/notifications";
import type { Actor } from "../auth/actor";
import { countUnread } from "./notification-rows";
import { announceNotifications } from "./record-notifications";

export interface MarkAllNotificationsReadOptions {
  /** Marks only the caller's own notifications. */
  actor: Actor;
}

/**
 * Marks every unread notification of the caller read, those of workspaces they left included (they
 * are hidden, and should not resurface as unread after a re-invitation). Other tabs of the
 * caller hear of it and refresh their count.
 */
export async function markAllNotificationsRead(
  options: MarkAllNotificationsReadOptions,
): Promise<UnreadNotificationsDto> {
  const userId = options.actor.id;
  const db = getDatabase();
  const marked = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (marked.length > 0) await announceNotifications([userId]);
  return { marked: marked.length, unreadCount: await countUnread(db, userId) };
}
