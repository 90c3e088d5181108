import { apiRoute } from "@/server/http/api-route";
import { markAllNotificationsRead } from "@/server/notifications/mark-all-notifications-read";

/** Marks all of the caller's notifications read. */
export const POST = apiRoute(async ({ actor }) => markAllNotificationsRead({ actor }));
