"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { postNotificationRead } from "./notifications-api";

/** A link to what a notification is about; following it marks the notification read. */
export function NotificationLink({
  notificationId,
  href,
  isRead,
  className,
  children,
}: {
  notificationId: string;
  href: string;
  isRead: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      className={className}
      onClick={() => {
        // Best effort: the list refreshes from the server's signal either way.
        if (!isRead) postNotificationRead(notificationId).catch(() => {});
      }}
    >
      {children}
    </Link>
  );
}
