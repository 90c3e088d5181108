import { apiRoute } from "@/server/http/api-route";
import { markNotificationRead } from "@/server/notifications/mark-notification-read";

type Params = { notificationId: string };

/** Marks one of the caller's notifications read; anyone else's is a 404. */
export const POST = apiRoute<Params>(async ({ params, actor }) =>
  markNotificationRead({ actor, notificationId: params.notificationId }),
);
