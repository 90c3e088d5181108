"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { watchNotifications } from "@/lib/realtime/notifications-connection";

/**
 * Re-renders the server-rendered notifications page when the user's notifications change, and
 * on every connection, the first included: a notification created between the server render and
 * the connection (or while it was down) was never announced to it, so the page renders once more
 * rather than miss it (the same catch-up as the library watch and open documents).
 */
export function LiveNotificationsRefresh() {
  const router = useRouter();
  useEffect(() => watchNotifications(() => router.refresh()), [router]);
  return null;
}
