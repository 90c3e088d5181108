import type { Event, ExtendedError, Server, Socket } from "socket.io";
import { NOTIFICATIONS_NAMESPACE, notificationsRoom } from "@/lib/realtime/notifications-protocol";
import { TokenBucket } from "../collab/connection-limits";
import type { EventBus } from "../events/event-bus";
import { logger } from "../logger";
import type { NotificationsNamespace, NotificationsSocket } from "./notifications-types";

/**
 * Inbound events per second per connection (bursts of twice as many). The namespace has no client
 * events, so anything sent is dropped; a client that keeps sending is disconnected.
 */
export const NOTIFICATIONS_EVENTS_PER_SECOND = 5;

export interface AttachNotificationsServerOptions {
  /** The Socket.io server; its handshake middleware is reused for the namespace. */
  io: Server;
  /** Authenticates a connection from its handshake (the same check as `/collab`). */
  authenticate: (socket: Socket, next: (err?: ExtendedError) => void) => void | Promise<void>;
  /** Where `notifications.changed` and `api_token.revoked` arrive from (every process's own bus). */
  bus: EventBus;
}

/**
 * The `/notifications` namespace: each connection joins its user's room and receives
 * `notifications:changed` whenever that user's notifications change, so the bell's count is live.
 * The bus delivers each change to every process, so each process emits only to its own sockets
 * (`local`): with the Redis adapter a plain room emit would reach a user once per process.
 * Returns the function that stops listening to the bus.
 */
export function attachNotificationsServer(options: AttachNotificationsServerOptions): () => void {
  const namespace = options.io.of(NOTIFICATIONS_NAMESPACE) as unknown as NotificationsNamespace;
  namespace.use(options.authenticate as unknown as Parameters<NotificationsNamespace["use"]>[0]);
  namespace.on("connection", (socket) => {
    socket.use(dropInboundEvents(socket, new TokenBucket(NOTIFICATIONS_EVENTS_PER_SECOND)));
    void socket.join(notificationsRoom(socket.data.actor.id));
  });

  const unsubscribers = [
    options.bus.subscribe("notifications.changed", (event) => {
      const rooms = [...new Set(event.userIds.map(notificationsRoom))];
      namespace.local.to(rooms).emit("notifications:changed", { at: new Date().toISOString() });
    }),
    // A revoked API token ends the connections it opened, as on `/collab` and `/library`.
    options.bus.subscribe("api_token.revoked", (event) => {
      for (const socket of namespace.sockets.values()) {
        if (socket.data.actor?.tokenId === event.tokenId) socket.disconnect(true);
      }
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** Socket middleware: drops every inbound event (there are none to handle) and disconnects a flood. */
function dropInboundEvents(socket: NotificationsSocket, bucket: TokenBucket): (event: Event, next: () => void) => void {
  return ([name]) => {
    if (bucket.take()) return;
    logger().warn({ userId: socket.data.actor?.id, event: name }, "notifications connection flooded; disconnecting");
    socket.disconnect(true);
  };
}
