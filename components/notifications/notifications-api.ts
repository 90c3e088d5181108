import type { NotificationPage, UnreadNotificationsDto } from "@/lib/schemas/notifications";

// The browser's calls of the notifications REST API (session cookie). Errors are thrown as plain
// Errors: callers keep what they show and try again on the next signal.

async function send<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin", cache: "no-store", ...init });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The newest notifications and the unread count. */
export function fetchRecentNotifications(limit: number): Promise<NotificationPage> {
  return send(`/api/v1/notifications?limit=${limit}`);
}

/**
 * Marks one notification read. `keepalive` lets the request finish when the click that sent it
 * also leaves the page.
 */
export async function postNotificationRead(notificationId: string): Promise<void> {
  await send(`/api/v1/notifications/${encodeURIComponent(notificationId)}/read`, { method: "POST", keepalive: true });
}

/** Marks every notification read. */
export function postAllNotificationsRead(): Promise<UnreadNotificationsDto> {
  return send("/api/v1/notifications/read-all", { method: "POST" });
}
