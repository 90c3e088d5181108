import { Backoff, type BackoffOptions, DEFAULT_BACKOFF } from "./backoff";
import { CollabDocument, type DocumentTransport } from "./collab-document";
import { offlineCacheName } from "./offline-cache";
import { openSocket } from "./open-socket";
import { COLLAB_NAMESPACE, isDocumentChange } from "./protocol";
import { type CollabClientSocket, toBytes } from "./socket-types";

export interface CollabProviderOptions {
  /** Server origin (e.g. `https://parallax.example`); in a browser, the page's own origin by default. */
  url?: string;
  /** An API token, for scripts and bots; browsers authenticate with the session cookie. */
  token?: string;
  /** Extra handshake headers (Node only, e.g. a session cookie). */
  headers?: Record<string, string>;
  /**
   * The signed-in user's id. With it, documents are cached in IndexedDB under
   * `parallax:<userId>:<documentId>` (where IndexedDB exists), so that offline edits and edits
   * not yet acknowledged survive a crash or reload; people sharing a browser never share copies.
   */
  userId?: string;
  /** Set false to keep documents in memory only (default: cache when `userId` is given). */
  offlineCache?: boolean;
  /** Reconnect and retry delays. */
  backoff?: BackoffOptions;
}

/** Connection state of the provider, shared by all of its documents. */
export type ConnectionState = "connecting" | "online" | "offline";

/**
 * The browser's (or a script's) collaboration client: one Socket.io connection to `/collab`
 * (WebSocket, msgpack) carrying every open document. Reconnects with jittered exponential backoff
 * after any drop — including the server closing the connection and refused handshakes, after
 * which Socket.io itself would give up — and straight away when the browser comes back online.
 * Each reconnection gets a new `epoch` and every document rejoins and resyncs.
 */
export class CollabProvider implements DocumentTransport {
  readonly socket: CollabClientSocket;
  readonly backoff: BackoffOptions;
  connection: ConnectionState = "connecting";
  epoch = 0;
  private readonly documents = new Map<string, { document: CollabDocument; refs: number }>();
  private readonly reconnect: Backoff;
  private wantsConnection = true;
  private destroyed = false;

  constructor(private readonly options: CollabProviderOptions = {}) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.reconnect = new Backoff(this.backoff);
    // Reconnection is ours (see the class comment); one connection per provider.
    this.socket = openSocket(COLLAB_NAMESPACE, { ...options, autoConnect: false }) as CollabClientSocket;
    this.listen();
    if (typeof window !== "undefined") {
      window.addEventListener("online", this.handleOnline);
      window.addEventListener("offline", this.handleOffline);
    }
    this.socket.connect();
  }

  /**
   * Opens a document (an assessment id) and starts syncing it. Opening one already open returns
   * the same instance (with the presence its first opening chose); each `open` must be paired
   * with a `close`.
   */
  open(documentId: string, options: { presence?: boolean } = {}): CollabDocument {
    const id = documentId.toLowerCase();
    const entry = this.documents.get(id);
    if (entry) {
      entry.refs += 1;
      return entry.document;
    }
    const cacheName =
      this.options.userId && this.options.offlineCache !== false
        ? offlineCacheName(this.options.userId, id)
        : undefined;
    const document = new CollabDocument(id, this, { cacheName, presence: options.presence });
    this.documents.set(id, { document, refs: 1 });
    return document;
  }

  /** Releases a document opened with `open`; the last release leaves it and frees it. */
  close(document: CollabDocument): void {
    const entry = this.documents.get(document.id);
    if (!entry || entry.document !== document) return;
    entry.refs -= 1;
    if (entry.refs <= 0) document.destroy();
  }

  /** Number of documents open. */
  get size(): number {
    return this.documents.size;
  }

  /** Called by a document once destroyed. */
  detach(documentId: string): void {
    this.documents.delete(documentId);
  }

  /** Drops the connection and stays offline until `connect` (tests, an "offline" switch). */
  disconnect(): void {
    this.wantsConnection = false;
    this.reconnect.cancel();
    this.socket.disconnect();
  }

  /** Connects now (again), without waiting for a backoff delay. */
  connect(): void {
    if (this.destroyed) return;
    this.wantsConnection = true;
    this.reconnect.reset();
    if (!this.socket.connected) this.socket.connect();
  }

  /** Closes every document and the connection; the provider cannot be used afterwards. */
  destroy(): void {
    if (this.destroyed) return;
    for (const { document } of [...this.documents.values()]) document.destroy();
    this.destroyed = true;
    this.wantsConnection = false;
    this.reconnect.cancel();
    if (typeof window !== "undefined") {
      window.removeEventListener("online", this.handleOnline);
      window.removeEventListener("offline", this.handleOffline);
    }
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private listen(): void {
    const { socket } = this;
    socket.on("connect", () => {
      this.epoch += 1;
      this.connection = "online";
      this.reconnect.reset();
      for (const document of this.openDocuments()) document.handleConnect();
    });
    socket.on("disconnect", () => {
      this.epoch += 1;
      this.connection = "offline";
      for (const document of this.openDocuments()) document.handleDisconnect();
      this.scheduleReconnect();
    });
    socket.on("connect_error", (error) => {
      this.connection = "offline";
      const code = error.message === "unauthorized" ? "unauthorized" : "internal";
      const message = code === "unauthorized" ? "Your session has ended: sign in again." : "Cannot reach the server.";
      for (const document of this.openDocuments()) document.handleConnectionError({ code, message });
      this.scheduleReconnect();
    });
    socket.on("doc:sync", (documentId, message) => {
      const bytes = toBytes(message);
      if (bytes) this.document(documentId)?.receiveSync(bytes);
    });
    socket.on("doc:sync-chunk", (documentId, chunk) => {
      const bytes = toBytes(chunk?.bytes);
      if (bytes) this.document(documentId)?.receiveChunk({ ...chunk, bytes });
    });
    socket.on("doc:awareness", (documentId, update) => {
      const bytes = toBytes(update);
      if (bytes) this.document(documentId)?.receiveAwareness(bytes);
    });
    socket.on("doc:saved-state", (documentId, state) => this.document(documentId)?.receiveSavedState(state));
    socket.on("doc:role", (documentId, state) => this.document(documentId)?.receiveRole(state));
    socket.on("doc:closed", (documentId, reason) => this.document(documentId)?.receiveClosed(reason));
    socket.on("doc:changed", (documentId, change) => {
      if (isDocumentChange(change)) this.document(documentId)?.receiveChanged(change);
    });
    socket.on("doc:error", (documentId, error) => {
      const targets = documentId === null ? this.openDocuments() : [this.document(documentId)];
      for (const document of targets) document?.receiveError(error);
    });
  }

  private scheduleReconnect(): void {
    if (!this.wantsConnection || this.destroyed) return;
    this.reconnect.schedule(() => {
      if (!this.wantsConnection || this.destroyed || this.socket.connected) return;
      // While the browser knows it is offline, only its "online" event (or a later check) helps.
      if (isBrowserOffline()) return this.scheduleReconnect();
      this.socket.connect();
    });
  }

  private readonly handleOnline = (): void => {
    if (this.wantsConnection) {
      this.reconnect.reset();
      if (!this.socket.connected) this.socket.connect();
    }
  };

  /**
   * The browser lost its network: drop the connection at once instead of waiting ~45 s for
   * heartbeats to time out, so the status says "offline" and edits queue for the resync.
   */
  private readonly handleOffline = (): void => {
    if (this.socket.connected) this.socket.disconnect();
  };

  private document(documentId: unknown): CollabDocument | undefined {
    return typeof documentId === "string" ? this.documents.get(documentId.toLowerCase())?.document : undefined;
  }

  private openDocuments(): CollabDocument[] {
    return [...this.documents.values()].map((entry) => entry.document);
  }
}

function isBrowserOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}
