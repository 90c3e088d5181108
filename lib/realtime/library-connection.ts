import type { Socket } from "socket.io-client";
import { Backoff, type BackoffOptions, DEFAULT_BACKOFF } from "@/lib/collab/backoff";
import { openSocket } from "@/lib/collab/open-socket";
import {
  LIBRARY_NAMESPACE,
  type LibraryAckError,
  type LibraryChange,
  type LibraryClientToServerEvents,
  type LibraryServerToClientEvents,
} from "./library-protocol";

export interface LibraryConnectionOptions {
  /** Server origin; in a browser, the page's own origin by default. */
  url?: string;
  /** An API token, for scripts and tests; browsers authenticate with the session cookie. */
  token?: string;
  /** Extra handshake headers (Node only, e.g. a session cookie). */
  headers?: Record<string, string>;
  /** Reconnect delays. */
  backoff?: BackoffOptions;
  /** Called with the server's answer to each watch, after every (re)connection (tests, diagnostics). */
  onWatched?: (workspaceId: string, result: { ok: true } | LibraryAckError) => void;
}

type Listener = (change: LibraryChange) => void;
type LibrarySocket = Socket<LibraryServerToClientEvents, LibraryClientToServerEvents>;

/**
 * One Socket.io connection to `/library` carrying the watches of every library view of a tab.
 * Reconnects with jittered backoff after any drop (Socket.io itself gives up after a refused
 * handshake or a server-side disconnect) and re-watches every workspace. Each time the server
 * confirms a watch, the first one included, it tells each listener
 * `{ kind: "library", catchUp: true }`: changes made before the watch took effect were never
 * announced to it, and a view that loaded the library while the connection was still opening
 * (or away) may have missed them.
 */
export class LibraryConnection {
  readonly socket: LibrarySocket;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly reconnect: Backoff;
  private destroyed = false;

  constructor(private readonly options: LibraryConnectionOptions = {}) {
    this.reconnect = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
    this.socket = openSocket(LIBRARY_NAMESPACE, options) as LibrarySocket;
    this.listen();
    if (typeof window !== "undefined") window.addEventListener("online", this.handleOnline);
  }

  /** Calls `listener` for every change in the workspace's library until the returned function is called. */
  subscribe(workspaceId: string, listener: Listener): () => void {
    const id = workspaceId.toLowerCase();
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
      if (this.socket.connected) this.watch(id);
    }
    set.add(listener);
    return () => {
      if (!set.delete(listener) || set.size > 0 || this.listeners.get(id) !== set) return;
      this.listeners.delete(id);
      if (this.socket.connected) this.socket.emit("library:unwatch", { workspaceId: id });
    };
  }

  /** Number of workspaces watched. */
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

  private listen(): void {
    this.socket.on("connect", () => {
      this.reconnect.reset();
      for (const workspaceId of this.listeners.keys()) this.watch(workspaceId);
    });
    this.socket.on("disconnect", () => this.scheduleReconnect());
    this.socket.on("connect_error", () => this.scheduleReconnect());
    this.socket.on("library:changed", (payload) => {
      if (typeof payload?.workspaceId !== "string") return;
      this.notify(payload.workspaceId, { kind: payload.kind, recordId: payload.recordId });
    });
    // Access ended: what the view shows may no longer be the caller's to see; a reload finds out.
    this.socket.on("library:revoked", (payload) => {
      if (typeof payload?.workspaceId === "string") this.notify(payload.workspaceId, { kind: "library" });
    });
  }

  private watch(workspaceId: string): void {
    this.socket.emit("library:watch", { workspaceId }, (result) => {
      // A refusal needs no handling here: the page itself was authorized when it rendered, and
      // without live updates it still works (a reload shows changes).
      this.options.onWatched?.(workspaceId, result);
      // Whatever the listeners loaded before this moment may lack changes nobody announced to
      // them (a record created while the page was loading): one library-wide change closes the gap.
      if (result.ok) this.notify(workspaceId, { kind: "library", catchUp: true });
    });
  }

  private notify(workspaceId: string, change: LibraryChange): void {
    for (const listener of [...(this.listeners.get(workspaceId.toLowerCase()) ?? [])]) listener(change);
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

// Navigating between library pages unmounts one view just before the next mounts: the connection
// outlives its last watcher by a moment so such hops reuse it.
const CLOSE_GRACE_MS = 2000;
let shared: { connection: LibraryConnection; users: number; closeTimer?: ReturnType<typeof setTimeout> } | null = null;

/**
 * Watches a workspace's library on the tab's shared `/library` connection (session cookie);
 * returns the function that stops watching. The connection closes shortly after the last watcher.
 */
export function watchLibrary(workspaceId: string, listener: Listener): () => void {
  shared ??= { connection: new LibraryConnection(), users: 0 };
  const current = shared;
  clearTimeout(current.closeTimer);
  current.users += 1;
  const unsubscribe = current.connection.subscribe(workspaceId, listener);
  let isActive = true;
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
