import { apiRoute } from "@/server/http/api-route";
import { listNotifications } from "@/server/notifications/list-notifications";

/** The caller's notifications, newest first, paged; `unread=true` for unread ones only. */
export const GET = apiRoute(async ({ request, actor }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return listNotifications({ actor, query });
});
