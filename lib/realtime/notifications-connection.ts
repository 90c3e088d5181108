import type { Socket } from "socket.io-client";
import { Backoff, type BackoffOptions, DEFAULT_BACKOFF } from "@/lib/collab/backoff";
import { openSocket } from "@/lib/collab/open-socket";
import {
  NOTIFICATIONS_NAMESPACE,
  type NotificationsClientToServerEvents,
  type NotificationsServerToClientEvents,
} from "./notifications-protocol";

export interface NotificationsConnectionOptions {
  /** Server origin; in a browser, the page's own origin by default. */
  url?: string;
  /** An API token, for scripts and tests; browsers authenticate with the session cookie. */
  token?: string;
  /** Extra handshake headers (Node only, e.g. a session cookie). */
  headers?: Record<string, string>;
  /** Reconnect delays. */
  backoff?: BackoffOptions;
}

/**
 * Why listeners are called: `changed` when the server said so, `connected` after every
 * (re)connection, because changes made while disconnected (or between rendering a page and
 * connecting) were never announced to this connection.
 */
export type NotificationsSignal = "changed" | "connected";
type Listener = (signal: NotificationsSignal) => void;
type NotificationsSocket = Socket<NotificationsServerToClientEvents, NotificationsClientToServerEvents>;

/**
 * One Socket.io connection to `/notifications` for the signed-in user. Reconnects with jittered
 * backoff after any drop (Socket.io itself gives up after a refused handshake or a server-side
 * disconnect) and tells every listener when to refetch.
 */
export class NotificationsConnection {
  readonly socket: NotificationsSocket;
  private readonly listeners = new Set<Listener>();
  private readonly reconnect: Backoff;
  private destroyed = false;

  constructor(options: NotificationsConnectionOptions = {}) {
    this.reconnect = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
    this.socket = openSocket(NOTIFICATIONS_NAMESPACE, options) as NotificationsSocket;
    this.socket.on("connect", () => {
      this.reconnect.reset();
      this.notify("connected");
    });
    this.socket.on("disconnect", () => this.scheduleReconnect());
    this.socket.on("connect_error", () => this.scheduleReconnect());
    this.socket.on("notifications:changed", () => this.notify("changed"));
    if (typeof window !== "undefined") window.addEventListener("online", this.handleOnline);
  }

  /** Calls `listener` on every change and (re)connection until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Number of listeners. */
  get size(): number {
    return this.listeners.size;
  }

  /** Closes the connection; it cannot be used afterwards. */
  destroy(): void {
    this.destroyed = true;
    this.reconnect.cancel();
    if (typeof window !== "undefined") window.removeEventListener("online", this.handleOnline);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.listeners.clear();
  }

  private notify(signal: NotificationsSignal): void {
    for (const listener of [...this.listeners]) listener(signal);
  }

  private scheduleReconnect(): void {
    if (this.destroyed) return;
    this.reconnect.schedule(() => {
      if (!this.destroyed && !this.socket.connected) this.socket.connect();
    });
  }

  private readonly handleOnline = (): void => {
    this.reconnect.reset();
    if (!this.destroyed && !this.socket.connected) this.socket.connect();
  };
}

// The bell and the notifications page may both listen; a moment's grace lets a navigation that
// unmounts one just before mounting the other keep the connection.
const CLOSE_GRACE_MS = 2000;
let shared: { connection: NotificationsConnection; users: number; closeTimer?: ReturnType<typeof setTimeout> } | null =
  null;

/**
 * Listens for the signed-in user's notification changes on the tab's shared `/notifications`
 * connection (session cookie); returns the function that stops listening. If the connection is
 * already open the listener is called once with `connected`, so it fetches what it shows.
 */
export function watchNotifications(listener: Listener): () => void {
  shared ??= { connection: new NotificationsConnection(), users: 0 };
  const current = shared;
  clearTimeout(current.closeTimer);
  current.users += 1;
  const unsubscribe = current.connection.subscribe(listener);
  let isActive = true;
  if (current.connection.socket.connected) queueMicrotask(() => isActive && listener("connected"));
  return () => {
    if (!isActive) return;
    isActive = false;
    unsubscribe();
    current.users -= 1;
    if (current.users > 0) return;
    current.closeTimer = setTimeout(() => {
      if (shared !== current || current.users > 0) return;
      current.connection.destroy();
      shared = null;
    }, CLOSE_GRACE_MS);
  };
}
