import { apiRoute } from "@/server/http/api-route";
import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";

/** How many of the caller's notifications are unread. */
export const GET = apiRoute(async ({ actor }) => ({ unreadCount: await countUnreadNotifications({ actor }) }));
