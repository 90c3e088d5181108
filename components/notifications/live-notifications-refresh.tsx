"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { watchNotifications } from "@/lib/realtime/notifications-connection";

/**
 * Re-renders the server-rendered notifications page when the user's notifications change, and
 * after a reconnection (changes meanwhile were not announced). The first connection right after
 * rendering is skipped: the page is as fresh as that.
 */
export function LiveNotificationsRefresh() {
  const router = useRouter();
  useEffect(() => {
    let isFirstConnection = true;
    return watchNotifications((signal) => {
      if (signal === "connected" && isFirstConnection) {
        isFirstConnection = false;
        return;
      }
      router.refresh();
    });
  }, [router]);
  return null;
}
