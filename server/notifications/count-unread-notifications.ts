import { getDatabase } from "@/db/client";
import type { Actor } from "../auth/actor";
import { countUnread } from "./notification-rows";

export interface CountUnreadNotificationsOptions {
  /** Whoever asks gets their own count. */
  actor: Actor;
}

/** How many of the caller's notifications (in workspaces they still belong to) are unread: the bell's number. */
export async function countUnreadNotifications(options: CountUnreadNotificationsOptions): Promise<number> {
  return countUnread(getDatabase(), options.actor.id);
}
