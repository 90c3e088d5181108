import { z } from "zod";

/** Why a notification was sent (the `notification_kind` enum of the database). */
export const NOTIFICATION_KINDS = [
  "review_requested",
  "mentioned",
  "changes_requested",
  "approval_stale",
  "published",
  "forecast_resolved",
  "forecast_due",
] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** Largest page of `GET /api/v1/notifications`. */
export const NOTIFICATIONS_PAGE_MAX = 100;
export const NOTIFICATIONS_PAGE_DEFAULT = 20;

const limitMessage = `Use limit=1 to ${NOTIFICATIONS_PAGE_MAX}.`;

/** Query of `GET /api/v1/notifications`. */
export const listNotificationsQuery = z.object({
  unread: z
    .enum(["true", "false"], { error: "Use unread=true or unread=false." })
    .optional()
    .describe("true: only notifications not read yet (default: all)."),
  before: z
    .uuid({ error: "before must be a notification id (the previous page's nextCursor)." })
    .optional()
    .describe("Cursor: only notifications older than this one (the previous page's `nextCursor`)."),
  limit: z.coerce
    .number({ error: limitMessage })
    .int(limitMessage)
    .min(1, limitMessage)
    .max(NOTIFICATIONS_PAGE_MAX, limitMessage)
    .optional()
    .describe(`Notifications per page (default ${NOTIFICATIONS_PAGE_DEFAULT}).`),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const notificationDto = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    summary: z.string().describe("One line of plain text written when it was recorded; render escaped."),
    workspace: z.object({ id: z.uuid(), name: z.string() }),
    assessmentId: z.uuid().nullable(),
    judgementId: z.string().nullable().describe('The judgement it is about ("jdg_…"), if any.'),
    threadId: z.uuid().nullable().describe("The comment thread it is about, if any."),
    actor: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe("Who caused it; null for the system, the CLI operator or a deleted account."),
    url: z.string().describe("Path of the web page to open (the assessment, with the judgement or thread as anchor)."),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Notification" });
export type NotificationDto = z.infer<typeof notificationDto>;

/** Response of `GET /api/v1/notifications`. */
export const notificationPage = z
  .object({
    notifications: z.array(notificationDto).describe("Newest first."),
    unreadCount: z.number().int().describe("Unread notifications in all (not only on this page)."),
    nextCursor: z.uuid().nullable().describe("Pass as `before` for the next (older) page; null on the last."),
  })
  .meta({ id: "NotificationPage" });
export type NotificationPage = z.infer<typeof notificationPage>;

/** Response of `GET /api/v1/notifications/unread-count` and `POST /api/v1/notifications/read-all`. */
export const unreadNotificationsDto = z
  .object({
    unreadCount: z.number().int(),
    marked: z.number().int().optional().describe("How many were marked read (read-all only)."),
  })
  .meta({ id: "UnreadNotifications" });
export type UnreadNotificationsDto = z.infer<typeof unreadNotificationsDto>;

/**
 * The web page a notification leads to: its assessment, scrolled to the thread or judgement it is
 * about (`#thread-<id>`, `#judgement-<id>`), or the workspace when it names no assessment.
 */
export function notificationUrl(notification: {
  workspaceId: string;
  assessmentId: string | null;
  judgementId: string | null;
  threadId: string | null;
}): string {
  const { workspaceId, assessmentId, judgementId, threadId } = notification;
  if (!assessmentId) return `/w/${workspaceId}`;
  const base = `/w/${workspaceId}/a/${assessmentId}`;
  if (threadId) return `${base}#thread-${threadId}`;
  if (judgementId) return `${base}#judgement-${encodeURIComponent(judgementId)}`;
  return base;
}
