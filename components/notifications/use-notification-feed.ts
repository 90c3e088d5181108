"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { watchNotifications } from "@/lib/realtime/notifications-connection";
import type { NotificationDto } from "@/lib/schemas/notifications";
import { fetchRecentNotifications, postAllNotificationsRead, postNotificationRead } from "./notifications-api";

/** The bell's state: the unread count and the newest notifications, kept live. */
export interface NotificationFeed {
  unreadCount: number;
  /** Null until first loaded. */
  recent: NotificationDto[] | null;
  /** Loading failed; what is shown may be out of date. */
  isStale: boolean;
  markRead: (notificationId: string) => void;
  markAllRead: () => void;
}

/**
 * The signed-in user's unread count and newest notifications, refetched whenever the
 * `/notifications` connection says they changed or (re)connects. One fetch at a time: signals
 * arriving meanwhile cause one more fetch after it, not one each.
 */
export function useNotificationFeed(initialUnreadCount: number, limit: number): NotificationFeed {
  const [unreadCount, setUnreadCount] = useState(initialUnreadCount);
  const [recent, setRecent] = useState<NotificationDto[] | null>(null);
  const [isStale, setIsStale] = useState(false);
  const fetching = useRef<{ again: boolean } | null>(null);

  const refresh = useCallback(async () => {
    if (fetching.current) {
      fetching.current.again = true;
      return;
    }
    fetching.current = { again: false };
    try {
      do {
        fetching.current.again = false;
        try {
          const page = await fetchRecentNotifications(limit);
          setRecent(page.notifications);
          setUnreadCount(page.unreadCount);
          setIsStale(false);
        } catch {
          setIsStale(true);
        }
      } while (fetching.current.again);
    } finally {
      fetching.current = null;
    }
  }, [limit]);

  // A newer server render (navigation, router.refresh) brings a fresher count.
  useEffect(() => setUnreadCount(initialUnreadCount), [initialUnreadCount]);
  useEffect(() => watchNotifications(() => void refresh()), [refresh]);

  const markRead = useCallback(
    (notificationId: string) => {
      // Optimistic: the link it belongs to is being followed; the server's signal confirms it.
      const item = recent?.find((candidate) => candidate.id === notificationId);
      if (item && !item.readAt) {
        const readAt = new Date().toISOString();
        setUnreadCount((count) => Math.max(0, count - 1));
        setRecent(
          (items) => items?.map((entry) => (entry.id === notificationId ? { ...entry, readAt } : entry)) ?? null,
        );
      }
      postNotificationRead(notificationId).catch(() => void refresh());
    },
    [recent, refresh],
  );

  const markAllRead = useCallback(() => {
    setUnreadCount(0);
    setRecent((items) => items?.map((item) => ({ ...item, readAt: item.readAt ?? new Date().toISOString() })) ?? null);
    postAllNotificationsRead().catch(() => void refresh());
  }, [refresh]);

  return { unreadCount, recent, isStale, markRead, markAllRead };
}
