import { getDatabase } from "@/db/client";
import { notifications } from "@/db/schema";
import type { NotificationDto } from "@/lib/schemas/notifications";
import type { Actor } from "../auth/actor";
import { listNotifications } from "./list-notifications";

/** What `actor` sees of their notifications (the first page, newest first). */
export async function inbox(actor: Actor): Promise<NotificationDto[]> {
  return (await listNotifications({ actor, query: { limit: 100 } })).notifications;
}

/** `actor`'s notifications of one kind, newest first. */
export async function inboxOf(actor: Actor, kind: NotificationDto["kind"]): Promise<NotificationDto[]> {
  return (await inbox(actor)).filter((notification) => notification.kind === kind);
}

/** A notification row for `user` (inserted directly), at `minutesAgo` before now. */
export async function createTestNotification(
  user: { id: string },
  workspaceId: string,
  options: { minutesAgo?: number; summary?: string; kind?: NotificationDto["kind"]; read?: boolean } = {},
): Promise<string> {
  const createdAt = new Date(Date.now() - (options.minutesAgo ?? 0) * 60_000);
  const [row] = await getDatabase()
    .insert(notifications)
    .values({
      userId: user.id,
      workspaceId,
      kind: options.kind ?? "mentioned",
      summary: options.summary ?? "Someone mentioned you",
      createdAt,
      readAt: options.read ? createdAt : null,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error("insert into notifications returned no row");
  return row.id;
}
