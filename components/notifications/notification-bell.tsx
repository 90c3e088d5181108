"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import clsx from "clsx";
import Link from "next/link";
import { useRef } from "react";
import type { NotificationDto } from "@/lib/schemas/notifications";
import { announceLinkedTarget } from "../editor/use-linked-target";
import { MENU_CONTENT, MENU_ITEM, MENU_SEPARATOR, MENU_TRIGGER } from "../top-bar/menu-styles";
import { RelativeTime } from "../ui/relative-time";
import { BellIcon } from "./bell-icon";
import { badgeText, bellLabel, NOTIFICATION_KIND_LABELS } from "./notification-kinds";
import { useNotificationFeed } from "./use-notification-feed";

/** Notifications shown in the dropdown; the rest are on /notifications. */
const RECENT_LIMIT = 8;

/**
 * The top bar's bell: the unread count, live (announced politely to screen readers), and a menu
 * of the newest notifications. Following one marks it read; "Mark all read" clears the count.
 */
export function NotificationBell({ initialUnreadCount }: { initialUnreadCount: number }) {
  const feed = useNotificationFeed(initialUnreadCount, RECENT_LIMIT);
  const { unreadCount, recent } = feed;
  // A notification followed: focus goes where it leads (its thread), not back to the bell.
  const followed = useRef(false);
  const follow = (notification: NotificationDto) => {
    followed.current = true;
    feed.markRead(notification.id);
    // After the menu has closed and the URL has changed.
    window.setTimeout(() => announceLinkedTarget(notification.url), 0);
  };
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className={clsx(MENU_TRIGGER, "relative")} aria-label={bellLabel(unreadCount)}>
          <BellIcon className="size-5" />
          {unreadCount > 0 ? (
            <span
              aria-hidden="true"
              data-testid="notification-count"
              className="absolute -top-0.5 right-0 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 text-white"
            >
              {badgeText(unreadCount)}
            </span>
          ) : null}
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            onCloseAutoFocus={(event) => {
              if (!followed.current) return;
              followed.current = false;
              event.preventDefault();
            }}
            align="end"
            sideOffset={6}
            className={clsx(MENU_CONTENT, "w-96 max-w-[calc(100vw-2rem)]")}
          >
            <div className="flex items-center justify-between gap-2 px-2 py-1.5">
              <DropdownMenu.Label className="font-semibold text-slate-900">Notifications</DropdownMenu.Label>
              <DropdownMenu.Item
                className={clsx(MENU_ITEM, "w-auto text-xs text-accent-700 data-[disabled]:text-slate-400")}
                disabled={unreadCount === 0}
                onSelect={(event) => {
                  // Keep the menu open: the list below turns read in place.
                  event.preventDefault();
                  feed.markAllRead();
                }}
              >
                Mark all read
              </DropdownMenu.Item>
            </div>
            <DropdownMenu.Separator className={MENU_SEPARATOR} />
            <RecentNotifications recent={recent} isStale={feed.isStale} onFollow={follow} />
            <DropdownMenu.Separator className={MENU_SEPARATOR} />
            <DropdownMenu.Item asChild className={clsx(MENU_ITEM, "justify-center text-accent-700")}>
              <Link href="/notifications">All notifications</Link>
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {/* Outside the button, so the change is announced without moving focus; polite, so typing is not interrupted. */}
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        {unreadCount === 0 ? "" : `${unreadCount} unread ${unreadCount === 1 ? "notification" : "notifications"}`}
      </span>
    </>
  );
}

function RecentNotifications({
  recent,
  isStale,
  onFollow,
}: {
  recent: NotificationDto[] | null;
  isStale: boolean;
  onFollow: (notification: NotificationDto) => void;
}) {
  if (recent === null) {
    return <p className="px-2 py-3 text-slate-500">{isStale ? "Notifications could not be loaded." : "Loading…"}</p>;
  }
  if (recent.length === 0) return <p className="px-2 py-3 text-slate-500">No notifications yet.</p>;
  return (
    <DropdownMenu.Group aria-label="Recent notifications" className="max-h-96 overflow-y-auto">
      {recent.map((notification) => (
        <DropdownMenu.Item key={notification.id} asChild className={clsx(MENU_ITEM, "items-start")}>
          <Link href={notification.url} onClick={() => onFollow(notification)}>
            <span
              aria-hidden="true"
              className={clsx(
                "mt-1.5 size-2 shrink-0 rounded-full",
                notification.readAt ? "bg-transparent" : "bg-accent-600",
              )}
            />
            <span className="min-w-0 flex-1">
              <span
                className={clsx(
                  "block break-words",
                  notification.readAt ? "text-slate-600" : "font-medium text-slate-900",
                )}
              >
                {notification.readAt ? null : <span className="sr-only">Unread: </span>}
                {notification.summary}
              </span>
              <span className="mt-0.5 block text-xs text-slate-500">
                {NOTIFICATION_KIND_LABELS[notification.kind]} · {notification.workspace.name} ·{" "}
                <RelativeTime date={notification.createdAt} />
              </span>
            </span>
          </Link>
        </DropdownMenu.Item>
      ))}
    </DropdownMenu.Group>
  );
}
