import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { Backoff, type BackoffOptions } from "./backoff";
import { ChunkAssembler } from "./chunk-assembler";
import { DOCUMENT_DOC_OPTIONS } from "./citation-values";
import { type CollabDocumentState, computeStatus, type DocumentClosedReason } from "./document-state";
import { type OfflineCache, openOfflineCache } from "./offline-cache";
import { presentUsers, samePeople } from "./presence";
import {
  COLLAB_LIMITS,
  type CollabError,
  DOCUMENT_CHANGE_KINDS,
  type DocCloseReason,
  type DocumentChange,
  type JoinResult,
} from "./protocol";
import { SaveTracker, type SendKind, type SendTicket } from "./save-tracker";
import { type CollabClientSocket, toWire } from "./socket-types";

/** What a document needs from the connection it is multiplexed over. */
export interface DocumentTransport {
  readonly socket: CollabClientSocket;
  readonly connection: "connecting" | "online" | "offline";
  /** Changes on every (re)connection; answers from an earlier connection are ignored. */
  readonly epoch: number;
  readonly backoff: BackoffOptions;
  /** Called once the document is closed, so the connection stops routing to it. */
  detach(documentId: string): void;
}

export interface CollabDocumentOptions {
  /** IndexedDB name of the offline copy; none when absent. */
  cacheName?: string;
  /**
   * Set false to follow the document without being among its people: no presence is sent, so a
   * page that only listens for changes (History, the audit trail) shows nobody an avatar that
   * suggests its reader is in the text. Default true.
   */
  presence?: boolean;
}

/**
 * One document of a `CollabProvider`: a Y.Doc and its presence kept in sync with the server.
 * Joins with the local state vector (so a cached or offline copy only receives what it lacks),
 * answers the server's step 1 with what the server lacks (offline edits), sends each local edit
 * as an update and tracks its acknowledgement, which the server sends only after the commit.
 * Subscribe for an immutable `CollabDocumentState` (`useSyncExternalStore`).
 */
export class CollabDocument {
  readonly doc = new Y.Doc(DOCUMENT_DOC_OPTIONS);
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private cache: OfflineCache;
  private readonly save = new SaveTracker();
  private readonly chunks = new ChunkAssembler();
  private readonly retry: Backoff;
  private readonly listeners = new Set<() => void>();
  private readonly changeListeners = new Set<(change: DocumentChange) => void>();
  private cacheLoaded = false;
  private joined = false;
  private joining = false;
  private closed = false;
  private destroyed = false;
  private durable = true;
  private readOnly: boolean | null = null;
  private role: JoinResult["role"] | null = null;
  private user: JoinResult["user"] | null = null;
  private limits: JoinResult["limits"] = COLLAB_LIMITS;
  private isSynced = false;
  private error: CollabError | null = null;
  private closedReason: DocumentClosedReason | null = null;
  /** Local edits refused for good (count), once the server said it will never take them. */
  private refusedEdits: number | null = null;
  private discarded = false;
  private snapshot: CollabDocumentState;
  private readonly sharesPresence: boolean;

  constructor(
    readonly id: string,
    private readonly transport: DocumentTransport,
    options: CollabDocumentOptions = {},
  ) {
    this.retry = new Backoff(transport.backoff);
    this.sharesPresence = options.presence !== false;
    // Awareness starts with an empty local state and renews it every 15 s, which would send it
    // (and the server stamps the identity on it): without presence there must be no state at all.
    if (!this.sharesPresence) this.awareness.setLocalState(null);
    this.cache = openOfflineCache(options.cacheName ?? null, this.doc);
    this.snapshot = this.buildSnapshot();
    this.doc.on("update", this.handleDocUpdate);
    this.awareness.on("update", this.handleAwarenessUpdate);
    this.awareness.on("change", this.handleAwarenessChange);
    void this.cache.ready.then(() => {
      this.cacheLoaded = true;
      this.join();
    });
  }

  /** Registers a listener for state changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Registers a listener for changes beside the text (reviews, comments, judgements, status) that
   * the server announces for this assessment; returns the unsubscribe function. Once each join is
   * confirmed, the first included, every kind is reported once with `catchUp: true`: what a view
   * loaded before then (while the page opened, or while offline) may lack changes nobody announced
   * to it.
   */
  readonly onChange = (listener: (change: DocumentChange) => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  /** The current state; the same object until something changes. */
  readonly getSnapshot = (): CollabDocumentState => this.snapshot;

  /** The largest change the server accepts in one message (bytes), as its last join said. */
  get maxMessageBytes(): number {
    return this.limits.maxMessageBytes;
  }

  /** Resolves once the server's copy has been merged in (for scripts and tests). */
  whenSynced(): Promise<void> {
    if (this.isSynced) return Promise.resolve();
    return this.waitFor((state) => state.isSynced);
  }

  /** Resolves once every local edit is committed on the server. */
  whenSaved(): Promise<void> {
    return this.waitFor((state) => state.status === "saved" || state.status === "live");
  }

  /** Resolves with the first state satisfying `predicate`. */
  waitFor(predicate: (state: CollabDocumentState) => boolean): Promise<void> {
    return new Promise((resolve) => {
      if (predicate(this.snapshot)) return resolve();
      const unsubscribe = this.subscribe(() => {
        if (!predicate(this.snapshot)) return;
        unsubscribe();
        resolve();
      });
    });
  }

  // --- connection events (called by the provider) ---

  /** The connection is up (again): join, which also resyncs whatever changed meanwhile. */
  handleConnect(): void {
    this.retry.reset();
    this.join();
    this.emit();
  }

  /** The connection dropped: in-flight edits are unconfirmed until the next join resyncs them. */
  handleDisconnect(): void {
    this.joined = false;
    this.joining = false;
    this.durable = true;
    this.retry.cancel();
    this.chunks.clear();
    this.save.connectionLost();
    // Nobody else's presence is known while offline; the next join brings the current states.
    const others = [...this.awareness.getStates().keys()].filter((clientId) => clientId !== this.doc.clientID);
    if (others.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
    this.emit();
  }

  /** A connection-level refusal (e.g. the session expired). */
  handleConnectionError(error: CollabError): void {
    this.error = error;
    this.emit();
  }

  receiveSync(message: Uint8Array): void {
    if (!this.joined || this.closed) return;
    try {
      const encoder = encoding.createEncoder();
      const type = syncProtocol.readSyncMessage(decoding.createDecoder(message), encoder, this.doc, this);
      if (type === syncProtocol.messageYjsSyncStep2) this.isSynced = true;
      // The server's step 1 ends the initial sync: answer with everything it lacks (offline
      // edits, edits that were in flight when the connection dropped, a cached copy's changes).
      if (type === syncProtocol.messageYjsSyncStep1) {
        this.answerStep1(this.fitReply(encoding.toUint8Array(encoder), message), hasStructsBeyond(this.doc, message));
      }
    } catch (error) {
      this.error = { code: "invalid_message", message: `A server message could not be applied: ${String(error)}` };
    }
    this.emit();
  }

  receiveChunk(chunk: { id: string; index: number; count: number; bytes: Uint8Array }): void {
    const message = this.chunks.add(chunk);
    if (message) this.receiveSync(message);
  }

  receiveAwareness(update: Uint8Array): void {
    if (!this.joined || this.closed) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, this);
    } catch {
      // Presence is best effort; a bad entry must not break the document.
    }
  }

  receiveSavedState(state: { durable: boolean }): void {
    this.durable = state.durable;
    if (state.durable && this.error?.code === "not_saved") this.error = null;
    this.emit();
  }

  receiveRole(state: { readOnly: boolean; role: JoinResult["role"] }): void {
    this.readOnly = state.readOnly;
    this.role = state.role;
    this.emit();
  }

  receiveChanged(change: DocumentChange): void {
    if (this.destroyed) return;
    for (const listener of [...this.changeListeners]) listener(change);
  }

  receiveClosed(reason: DocCloseReason): void {
    // A shutting-down server disconnects next; the reconnect joins another process.
    if (reason === "server_shutdown") return;
    this.stop(reason);
  }

  receiveError(error: CollabError): void {
    // The server has asked for a resync along with it; nothing for the user to do.
    if (error.code === "out_of_sync") return;
    this.error = error;
    // The server forgot this connection's join (e.g. it restarted between events): join again.
    if (error.code === "not_joined" && this.joined) this.scheduleRetry();
    this.emit();
  }

  // --- local changes ---

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || origin === this.cache.origin || this.destroyed) return;
    // Edits made before the join completes travel in the answer to the server's step 1.
    if (this.joined && !this.closed && this.refusedEdits === null)
      this.send(encodeMessage(syncProtocol.writeUpdate, update), "update");
    else this.save.editedOffline();
    this.emit();
  };

  private readonly handleAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || !this.joined || this.closed) return;
    const mine = [...changes.added, ...changes.updated, ...changes.removed].includes(this.doc.clientID);
    if (mine) this.sendAwareness();
  };

  private readonly handleAwarenessChange = (): void => {
    const people = presentUsers(this.awareness, this.user?.id ?? null);
    if (!samePeople(people, this.snapshot.people)) this.emit();
  };

  // --- protocol ---

  private join(): void {
    const { socket } = this.transport;
    if (this.closed || this.joining || !this.cacheLoaded || !socket.connected) return;
    this.joining = true;
    const epoch = this.transport.epoch;
    const stateVector = toWire(Y.encodeStateVector(this.doc));
    socket.emit("doc:join", { documentId: this.id, stateVector }, (result) => {
      if (epoch !== this.transport.epoch || this.closed) return;
      this.joining = false;
      if (!result.ok) {
        this.handleJoinRefused(result.error);
        return;
      }
      this.joined = true;
      this.readOnly = result.readOnly;
      this.role = result.role;
      this.user = result.user;
      this.limits = result.limits;
      if (this.error && !this.save.failed) this.error = null;
      // The server stamps this identity on our presence anyway; showing it locally keeps the
      // avatar of this tab identical to what everyone else sees.
      if (this.sharesPresence) {
        this.awareness.setLocalStateField("user", result.user);
        this.sendAwareness();
      }
      this.emit();
      for (const kind of DOCUMENT_CHANGE_KINDS) this.receiveChanged({ kind, catchUp: true });
    });
  }

  private handleJoinRefused(error: CollabError): void {
    this.error = error;
    if (error.code === "not_found") {
      this.stop("not_found");
      return;
    }
    this.scheduleRetry();
    this.emit();
  }

  /**
   * The step 2 answering `step1`, without the content of deleted text when that makes it fit in
   * a message. An undone oversized paste is deleted here but not gone: the undo manager keeps
   * deleted content for redo, and Yjs encodes what it keeps. The server only needs to learn that
   * the paste existed and is deleted, which a garbage-collected copy says in a few bytes.
   */
  private fitReply(reply: Uint8Array, step1: Uint8Array): Uint8Array {
    if (reply.byteLength <= this.limits.maxMessageBytes) return reply;
    const decoder = decoding.createDecoder(step1);
    decoding.readVarUint(decoder);
    const serverState = decoding.readVarUint8Array(decoder);
    const collected = new Y.Doc({ gc: true, ...DOCUMENT_DOC_OPTIONS });
    Y.applyUpdate(collected, Y.encodeStateAsUpdate(this.doc));
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep2(encoder, collected, serverState);
    collected.destroy();
    return encoding.toUint8Array(encoder);
  }

  private answerStep1(reply: Uint8Array, carriesNew: boolean): void {
    if (this.readOnly || this.refusedEdits !== null) {
      // Read-only roles have nothing the server would accept. Edits made offline (in this page,
      // or kept by the offline copy from an earlier one) are refused for good, and never sent,
      // even if the role comes back: nobody chose to put them in the document then.
      if (this.save.hasUnsent || carriesNew) this.refuseForGood();
      return;
    }
    // Sent even when it seems to carry nothing: deletions do not show in state vectors, and the
    // ack confirms that whatever the server already had of ours is committed.
    this.send(reply, "resync", carriesNew);
  }

  private send(message: Uint8Array, kind: SendKind, carriesNew = true): void {
    const epoch = this.transport.epoch;
    const ticket = this.save.sent(kind, carriesNew);
    if (message.byteLength > this.limits.maxMessageBytes) {
      // The server would refuse it; uploading it first (on every keystroke after it) helps nobody.
      this.handleRefused(ticket, { code: "message_too_large", message: "This change is too large to save." });
      return;
    }
    this.transport.socket.emit("doc:sync", this.id, toWire(message), (result) => {
      // Acks from a connection that dropped are stale: that connection's sends were already
      // counted as unconfirmed, and the resync of the new connection settles them.
      if (epoch !== this.transport.epoch || this.destroyed) return;
      if (result.ok) {
        this.save.acknowledged(ticket);
        this.save.settle();
        if (kind === "resync") this.retry.reset();
        if (!this.save.failed && this.error && SETTLED_BY_SAVING.includes(this.error.code)) this.error = null;
      } else {
        this.handleRefused(ticket, result.error);
      }
      this.emit();
    });
  }

  private handleRefused(ticket: SendTicket, error: CollabError): void {
    // The server asks for a resync at once; nothing to tell the user (and an oversized change
    // still outstanding must stay on screen).
    if (error.code !== "out_of_sync") this.error = error;
    const outcome = this.save.refused(ticket, error.code);
    if (error.code === "forbidden") {
      this.readOnly = true;
      this.refuseForGood();
    }
    if (outcome === "retry") this.scheduleRetry();
  }

  /**
   * The server will never take this copy's local edits. They stay on screen (read-only) until the
   * user copies and discards them; the offline copy is deleted at once, so a reload shows the
   * server's text rather than this fork labelled "Live".
   */
  private refuseForGood(): void {
    if (this.refusedEdits === null) this.refusedEdits = this.save.unconfirmedEdits;
    this.save.refusedForGood();
    void this.cache.clear();
  }

  /**
   * Throws away the refused local edits: deletes the offline copy and reports `discarded`, after
   * which this copy no longer counts as unsaved. A Y.Doc cannot forget changes, so the caller
   * opens the document afresh (the page reloads) to show the server's text.
   */
  async discardRefusedChanges(): Promise<void> {
    await this.cache.clear();
    this.discarded = true;
    this.emit();
  }

  /** Joins again after a backoff delay: the server's step 1 makes us resend what it lacks. */
  private scheduleRetry(): void {
    this.retry.schedule(() => this.join());
  }

  private sendAwareness(): void {
    if (this.awareness.getLocalState() === null || !this.transport.socket.connected) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    this.transport.socket.emit("doc:awareness", this.id, toWire(update));
  }

  // --- lifecycle ---

  /** Stops syncing for good (access revoked, deleted, not found); the text stays readable. */
  private stop(reason: DocumentClosedReason): void {
    this.closed = true;
    this.joined = false;
    this.closedReason = reason;
    this.retry.cancel();
    // The user may no longer read this document: its offline copy must not outlive that.
    void this.cache.clear();
    this.emit();
  }

  /** Leaves the document and releases everything: listeners, timers, IndexedDB, the Y.Doc. */
  destroy(): void {
    if (this.destroyed) return;
    if (this.joined && this.transport.socket.connected)
      this.transport.socket.emit("doc:leave", { documentId: this.id });
    this.destroyed = true;
    this.closed = true;
    this.joined = false;
    this.retry.cancel();
    this.doc.off("update", this.handleDocUpdate);
    this.awareness.off("update", this.handleAwarenessUpdate);
    this.awareness.off("change", this.handleAwarenessChange);
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], "destroy");
    this.awareness.destroy();
    void this.cache.destroy();
    this.doc.destroy();
    this.listeners.clear();
    this.changeListeners.clear();
    this.transport.detach(this.id);
  }

  private emit(): void {
    if (this.destroyed) return;
    this.snapshot = this.buildSnapshot();
    for (const listener of [...this.listeners]) listener();
  }

  private buildSnapshot(): CollabDocumentState {
    const previous = this.snapshot as CollabDocumentState | undefined;
    const people = presentUsers(this.awareness, this.user?.id ?? null);
    return {
      status: computeStatus({
        closed: this.closed,
        connection: this.transport.connection,
        joined: this.joined,
        durable: this.durable,
        failed: this.save.failed,
        pending: this.save.pending,
        edited: this.save.edited,
      }),
      hasUnsavedChanges: !this.discarded && (this.save.pending || this.save.failed),
      readOnly: this.readOnly,
      role: this.role,
      user: this.user,
      isSynced: this.isSynced,
      error: this.error,
      closedReason: this.closedReason,
      refused:
        this.refusedEdits === null
          ? null
          : {
              reason: this.role === "reviewer" || this.role === "viewer" ? "role" : "locked",
              role: this.role,
              edits: this.refusedEdits,
            },
      discarded: this.discarded,
      people: previous && samePeople(previous.people, people) ? previous.people : people,
    };
  }
}

/** Whether `doc` holds insertions the state vector in a step 1 `message` lacks. */
function hasStructsBeyond(doc: Y.Doc, message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  const remote = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if (clock > (remote.get(client) ?? 0)) return true;
  }
  return false;
}

// Errors that stop being true once a save goes through (an oversized change: once it is undone).
const SETTLED_BY_SAVING: readonly CollabError["code"][] = [
  "not_saved",
  "internal",
  "rate_limited",
  "not_joined",
  "message_too_large",
];

function encodeMessage(write: (encoder: encoding.Encoder, update: Uint8Array) => void, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder, update);
  return encoding.toUint8Array(encoder);
}
