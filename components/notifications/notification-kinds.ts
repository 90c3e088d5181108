import type { NotificationKindName } from "@/lib/schemas/notifications";

/** A short label per kind, shown beside each notification. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKindName, string> = {
  review_requested: "Review requested",
  mentioned: "Mention",
  changes_requested: "Changes requested",
  approval_stale: "Approval stale",
  published: "Published",
  forecast_resolved: "Forecast resolved",
  forecast_due: "Forecast due",
};

/** The bell's accessible name, which also says how many are unread. */
export function bellLabel(unreadCount: number): string {
  if (unreadCount === 0) return "Notifications, none unread";
  return `Notifications, ${unreadCount} unread`;
}

/** The badge text: big counts are capped so the badge keeps its size. */
export function badgeText(unreadCount: number): string {
  return unreadCount > 99 ? "99+" : String(unreadCount);
}
