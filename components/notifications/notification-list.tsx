import clsx from "clsx";
import type { ReactNode } from "react";
import type { NotificationDto } from "@/lib/schemas/notifications";
import { FOCUS_RING } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { NOTIFICATION_KIND_LABELS } from "./notification-kinds";
import { NotificationLink } from "./notification-link";

/**
 * A page of notifications, newest first: each links to what it is about (and is marked read when
 * followed); `markRead` renders the control that marks an unread one read without opening it.
 */
export function NotificationList({
  notifications,
  markRead,
  emptyText,
}: {
  notifications: NotificationDto[];
  markRead: (notification: NotificationDto) => ReactNode;
  emptyText: string;
}) {
  if (notifications.length === 0) return <p className="px-5 py-6 text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {notifications.map((notification) => {
        const isRead = notification.readAt !== null;
        return (
          <li key={notification.id} className="flex items-start gap-3 px-5 py-3">
            <span
              aria-hidden="true"
              className={clsx("mt-2 size-2 shrink-0 rounded-full", isRead ? "bg-transparent" : "bg-accent-600")}
            />
            <div className="min-w-0 flex-1">
              <NotificationLink
                notificationId={notification.id}
                href={notification.url}
                isRead={isRead}
                className={clsx(
                  "rounded break-words hover:underline",
                  FOCUS_RING,
                  isRead ? "text-slate-700" : "font-medium text-slate-900",
                )}
              >
                {isRead ? null : <span className="sr-only">Unread: </span>}
                {notification.summary}
              </NotificationLink>
              <p className="mt-0.5 text-xs text-slate-500">
                {NOTIFICATION_KIND_LABELS[notification.kind]} · {notification.workspace.name} ·{" "}
                <RelativeTime date={notification.createdAt} />
              </p>
            </div>
            {isRead ? null : <div className="shrink-0">{markRead(notification)}</div>}
          </li>
        );
      })}
    </ul>
  );
}
