import { and, eq, isNull, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { notifications } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  type ListNotificationsQuery,
  listNotificationsQuery,
  NOTIFICATIONS_PAGE_DEFAULT,
  type NotificationPage,
} from "@/lib/schemas/notifications";
import type { Actor } from "../auth/actor";
import { parseInput } from "../http/parse-input";
import { countUnread, loadNotificationDtos, visibleNotifications } from "./notification-rows";

export interface ListNotificationsOptions {
  /** Whoever asks sees only their own notifications. */
  actor: Actor;
  /** Filter and cursor (parsed again here: `listNotificationsQuery`). */
  query?: ListNotificationsQuery;
}

/**
 * One page of the caller's notifications, newest first, with their unread count. Only
 * notifications of workspaces the caller still belongs to are listed or counted. Pass
 * `nextCursor` back as `before` for older ones; a cursor that is not one of the caller's
 * notifications is a 400 rather than an empty page, so a client bug does not look like "no more".
 */
export async function listNotifications(options: ListNotificationsOptions): Promise<NotificationPage> {
  const query = parseInput(listNotificationsQuery, options.query ?? {});
  const limit = query.limit ?? NOTIFICATIONS_PAGE_DEFAULT;
  const userId = options.actor.id;
  const db = getDatabase();
  if (query.before) {
    const [cursor] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, query.before), eq(notifications.userId, userId)));
    if (!cursor) {
      throw new AppError("bad_request:validation", "Some fields are not valid.", {
        fields: { before: ["Use the nextCursor of a previous page."] },
      });
    }
  }
  // Compared in SQL: created_at has microseconds, which a JavaScript Date would round away.
  const older = query.before
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (select c.created_at, c.id from ${notifications} c where c.id = ${query.before})`
    : undefined;
  const unreadOnly = query.unread === "true" ? isNull(notifications.readAt) : undefined;
  // One extra row tells whether an older page exists without a count query.
  const rows = await loadNotificationDtos(db, visibleNotifications(userId, unreadOnly, older), limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    notifications: page,
    unreadCount: await countUnread(db, userId),
    nextCursor: rows.length > limit && last ? last.id : null,
  };
}
