import type { Namespace, Socket } from "socket.io";
import type {
  NotificationsClientToServerEvents,
  NotificationsServerToClientEvents,
} from "@/lib/realtime/notifications-protocol";
import type { Actor } from "../auth/actor";

export interface NotificationsSocketData {
  /** Set by the handshake middleware before any handler runs. */
  actor: Actor;
}

// biome-ignore lint/complexity/noBannedTypes: Socket.io's "no inter-server events" type.
type NoEvents = {};

export type NotificationsSocket = Socket<
  NotificationsClientToServerEvents,
  NotificationsServerToClientEvents,
  NoEvents,
  NotificationsSocketData
>;
export type NotificationsNamespace = Namespace<
  NotificationsClientToServerEvents,
  NotificationsServerToClientEvents,
  NoEvents,
  NotificationsSocketData
>;
