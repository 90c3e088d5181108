import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  listNotificationsQuery,
  notificationDto,
  notificationPage,
  unreadNotificationsDto,
} from "@/lib/schemas/notifications";
import { errorResponses, jsonResponse } from "../registry";

const TAG = ["Notifications"];

const KINDS =
  "Kinds: `review_requested`, `mentioned` (an @mention in a new thread or reply), `changes_requested` (on a " +
  "judgement you wrote), `approval_stale` (an approval you gave, or one of a judgement you wrote, no longer " +
  "matches the judgement or its evidence), `published`.";

/** In-app notifications: the caller's own, and only of workspaces they still belong to. */
export function registerNotificationPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/notifications",
    tags: TAG,
    summary: "List your notifications",
    description:
      `Newest first, with the unread count; \`unread=true\` lists unread ones only. Page with \`before\` = the ` +
      `previous page's \`nextCursor\`. Notifications of workspaces you left are not listed or counted. ${KINDS} ` +
      "Live changes arrive on the Socket.io namespace `/notifications` (see docs/protocol.md).",
    request: { query: listNotificationsQuery },
    responses: {
      200: jsonResponse("A page of notifications.", notificationPage),
      ...errorResponses("bad_request", "unauthorized"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/notifications/unread-count",
    tags: TAG,
    summary: "Count your unread notifications",
    responses: {
      200: jsonResponse("The unread count.", unreadNotificationsDto),
      ...errorResponses("unauthorized"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/notifications/{notificationId}/read",
    tags: TAG,
    summary: "Mark a notification read",
    description: "Idempotent: a notification read before keeps its first read time. Anyone else's notification is 404.",
    request: { params: z.object({ notificationId: z.uuid() }) },
    responses: {
      200: jsonResponse("The notification, read.", notificationDto),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/notifications/read-all",
    tags: TAG,
    summary: "Mark all your notifications read",
    responses: {
      200: jsonResponse("How many were marked, and the unread count now (0).", unreadNotificationsDto),
      ...errorResponses("unauthorized"),
    },
  });
}
