import { and, eq, isNull, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { notifications } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { NotificationDto } from "@/lib/schemas/notifications";
import type { Actor } from "../auth/actor";
import { isUuid } from "../policies/require-membership";
import { loadNotificationDtos, visibleNotifications } from "./notification-rows";
import { announceNotifications } from "./record-notifications";

export interface MarkNotificationReadOptions {
  /** Only the notification's own recipient may mark it. */
  actor: Actor;
  notificationId: string;
}

/**
 * Marks one of the caller's notifications read (again is fine: it keeps its first read time).
 * Anyone else's notification, or one of a workspace the caller left, is a 404 like an unknown id,
 * so ids reveal nothing. Other tabs of the caller hear of it and refresh their count.
 */
export async function markNotificationRead(options: MarkNotificationReadOptions): Promise<NotificationDto> {
  const userId = options.actor.id;
  if (!isUuid(options.notificationId)) throw new AppError("not_found:notification");
  const db = getDatabase();
  const mine = visibleNotifications(userId, eq(notifications.id, options.notificationId));
  const marked = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  const [notification] = await loadNotificationDtos(db, mine, 1);
  if (!notification) throw new AppError("not_found:notification");
  if (marked.length > 0) await announceNotifications([userId]);
  return notification;
}
