import type { Namespace, Socket } from "socket.io";
import type { LibraryClientToServerEvents, LibraryServerToClientEvents } from "@/lib/realtime/library-protocol";
import type { Actor } from "../auth/actor";

export interface LibrarySocketData {
  /** Set by the handshake middleware before any handler runs. */
  actor: Actor;
  /** Workspaces this connection watches (lower-case ids). */
  watching?: Set<string>;
}

// biome-ignore lint/complexity/noBannedTypes: Socket.io's "no inter-server events" type.
type NoEvents = {};

export type LibrarySocket = Socket<
  LibraryClientToServerEvents,
  LibraryServerToClientEvents,
  NoEvents,
  LibrarySocketData
>;
export type LibraryNamespace = Namespace<
  LibraryClientToServerEvents,
  LibraryServerToClientEvents,
  NoEvents,
  LibrarySocketData
>;
