import type { ExtendedError, Server, Socket } from "socket.io";
import {
  LIBRARY_CLIENT_EVENTS,
  LIBRARY_NAMESPACE,
  type LibraryClientEvent,
  libraryRoom,
} from "@/lib/realtime/library-protocol";
import { TokenBucket } from "../collab/connection-limits";
import type { DomainEventOf } from "../events/domain-events";
import type { EventBus } from "../events/event-bus";
import { canStillWatchLibrary } from "../evidence/watch-library";
import { logger } from "../logger";
import { handleUnwatch, handleWatch, limitLibraryEvents } from "./library-handlers";
import type { LibraryNamespace, LibrarySocket } from "./library-types";

/** Sustained inbound events per second per connection (bursts of twice as many pass). */
export const LIBRARY_EVENTS_PER_SECOND = 10;

export interface AttachLibraryServerOptions {
  /** The Socket.io server; its handshake middleware is reused for the namespace. */
  io: Server;
  /** Authenticates a connection from its handshake (the same check as `/collab`). */
  authenticate: (socket: Socket, next: (err?: ExtendedError) => void) => void | Promise<void>;
  /** Where `evidence.changed` and `membership.changed` arrive from (every process's own bus). */
  bus: EventBus;
}

/**
 * The `/library` namespace: members watch a workspace's evidence library and receive
 * `library:changed` after every create, update, retraction or import. The event bus delivers each
 * change to every process, so each process emits only to its own sockets (`local`): with the
 * Redis adapter a plain room emit would reach every watcher once per process.
 * Returns the function that stops listening to the bus.
 */
export function attachLibraryServer(options: AttachLibraryServerOptions): () => void {
  const namespace = options.io.of(LIBRARY_NAMESPACE) as unknown as LibraryNamespace;
  namespace.use(options.authenticate as unknown as Parameters<LibraryNamespace["use"]>[0]);
  namespace.on("connection", (socket) => {
    socket.data.watching = new Set();
    socket.use(limitLibraryEvents(new TokenBucket(LIBRARY_EVENTS_PER_SECOND)));
    // Registered from the protocol's list of client events, so an event added there needs a handler here.
    const handlers: Record<LibraryClientEvent, (args: unknown[]) => void> = {
      "library:watch": (args) => void handleWatch(socket, args),
      "library:unwatch": (args) => void handleUnwatch(socket, args),
    };
    for (const event of LIBRARY_CLIENT_EVENTS) socket.on(event, (...args: unknown[]) => handlers[event](args));
  });

  const unsubscribers = [
    options.bus.subscribe("evidence.changed", (event) => {
      const { workspaceId, kind, recordId } = event;
      namespace.local
        .to(libraryRoom(workspaceId))
        .emit("library:changed", { workspaceId: workspaceId.toLowerCase(), kind, ...(recordId ? { recordId } : {}) });
    }),
    options.bus.subscribe("membership.changed", (event) => revokeLostAccess(namespace, event)),
    // A revoked API token ends the connections it opened, as on `/collab`.
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

/** Removes a user's local connections from a library room once they are no longer a member. */
async function revokeLostAccess(
  namespace: LibraryNamespace,
  event: DomainEventOf<"membership.changed">,
): Promise<void> {
  const workspaceId = event.workspaceId.toLowerCase();
  const affected: LibrarySocket[] = [];
  for (const socket of namespace.sockets.values()) {
    if (socket.data.actor?.id === event.userId && socket.data.watching?.has(workspaceId)) affected.push(socket);
  }
  const [first] = affected;
  if (!first) return;
  if (await canStillWatchLibrary({ actor: first.data.actor, workspaceId })) return;
  for (const socket of affected) {
    socket.data.watching?.delete(workspaceId);
    socket.leave(libraryRoom(workspaceId));
    socket.emit("library:revoked", { workspaceId });
  }
  logger().info({ ...event, connections: affected.length }, "library watches revoked");
}
