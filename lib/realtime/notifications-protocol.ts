/**
 * Live notification counts, shared by the server (server/realtime/attach-notifications-server.ts)
 * and the browser (lib/realtime/notifications-connection.ts). Documented in docs/protocol.md.
 *
 * Transport: Socket.io namespace `/notifications` on the same server and options as `/collab`
 * (WebSocket only, msgpack parser, the same handshake authentication). Every connection receives
 * the changes of its own user and nobody else's; there is nothing to join or send. The server
 * says *that* the user's notifications changed, never what they are: clients reload them through
 * the REST API (`GET /api/v1/notifications`), where access is checked again.
 */
export const NOTIFICATIONS_NAMESPACE = "/notifications";

/** The `notifications:changed` payload: nothing but the time the server sent it (ISO 8601). */
export interface NotificationsChangedPayload {
  at: string;
}

/** Events the client emits: none. Anything sent is dropped (and counts against a rate limit). */
// biome-ignore lint/complexity/noBannedTypes: Socket.io's "no events" map.
export type NotificationsClientToServerEvents = {};

/**
 * Every event a client may emit, as a run-time list (see `COLLAB_CLIENT_EVENTS`): none. The
 * authorization matrix enumerates it, so an event added to the map above needs a row there.
 */
export const NOTIFICATIONS_CLIENT_EVENTS = Object.keys(
  {} satisfies Record<keyof NotificationsClientToServerEvents, true>,
) as (keyof NotificationsClientToServerEvents)[];

/** Events the server emits. */
export interface NotificationsServerToClientEvents {
  /**
   * The user's notifications changed: new ones were recorded, or some were read (perhaps in
   * another tab). Refetch the unread count or the list.
   */
  "notifications:changed": (payload: NotificationsChangedPayload) => void;
}

/** Room of a user's connections. */
export function notificationsRoom(userId: string): string {
  return `notifications:${userId.toLowerCase()}`;
}
