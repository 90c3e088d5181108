/**
 * The Parallax collaboration wire protocol, shared by the server (server/collab) and the browser
 * provider (lib/collab/provider.ts). Documented for scripts and bots in docs/protocol.md.
 *
 * Transport: Socket.io namespace `/collab`, WebSocket only, msgpack parser
 * (socket.io-msgpack-parser) so each binary message travels as one frame. Several documents are
 * multiplexed over one connection; every event names its document.
 * Payload bytes are standard y-protocols messages: `doc:sync` carries a sync message
 * (step 1, step 2 or update, y-protocols/sync), `doc:awareness` an awareness update
 * (y-protocols/awareness).
 */

export const COLLAB_NAMESPACE = "/collab";

/** Error codes of acks and `doc:error`. Stable strings: clients switch on them. */
export const COLLAB_ERROR_CODES = [
  "unauthorized", // no valid session or token
  "not_found", // unknown document, or one the caller may not see
  "forbidden", // the caller's role is read-only: the update was rejected, not applied, stored or broadcast
  "invalid_payload", // the event's arguments failed validation
  "invalid_message", // the bytes are not a valid y-protocols message or Yjs update
  "out_of_sync", // the update builds on changes this server does not have yet; it sent sync step 1: answer it with step 2 (which carries this update too)
  "message_too_large", // over COLLAB_LIMITS.maxMessageBytes
  "rate_limited", // over the per-connection message rate
  "too_many_documents", // over COLLAB_LIMITS.maxDocumentsPerConnection
  "not_joined", // an event for a document this connection has not joined
  "not_saved", // the database is unavailable: the update is applied in memory but not durable yet
  "internal", // a server fault; details are in the server log
] as const;
export type CollabErrorCode = (typeof COLLAB_ERROR_CODES)[number];

export interface CollabError {
  code: CollabErrorCode;
  message: string;
}

/** Default limits; the server may be configured lower or higher and tells clients in `JoinResult`. */
export const COLLAB_LIMITS = {
  /** Largest single inbound message (bytes). */
  maxMessageBytes: 1024 * 1024,
  /** Documents one connection may have joined at once. */
  maxDocumentsPerConnection: 20,
  /** Sustained inbound messages per second per connection (token bucket, burst = 2 × rate). */
  messagesPerSecond: 200,
  /** Initial sync larger than this is sent as `doc:sync-chunk` pieces. */
  syncChunkBytes: 256 * 1024,
} as const;

/** Reasons for `doc:closed`. */
export const DOC_CLOSE_REASONS = ["access_revoked", "document_deleted", "server_shutdown"] as const;
export type DocCloseReason = (typeof DOC_CLOSE_REASONS)[number];

/**
 * Binary arguments a client sends. Browsers should send an ArrayBuffer: the browser build of the
 * msgpack encoder turns a Uint8Array into a map of indexes. Node clients may send a Buffer.
 */
export type WireBytes = Uint8Array | ArrayBuffer;

export type Ack<T = Record<never, never>> = (result: ({ ok: true } & T) | { ok: false; error: CollabError }) => void;

export interface JoinResult {
  /** True for reviewer/viewer: `doc:sync` updates from this connection are rejected. */
  readOnly: boolean;
  role: "owner" | "analyst" | "reviewer" | "viewer";
  /** Identity the server puts in this connection's awareness state (clients cannot change it). */
  user: { id: string; name: string; color: string };
  limits: { maxMessageBytes: number; syncChunkBytes: number };
}

/** Events the client emits. */
export interface CollabClientToServerEvents {
  /**
   * Join a document (an assessment id). After the ack the server sends sync step 2 (the whole
   * document, or only what is missing from `stateVector` when given: `Y.encodeStateVector` of the
   * client's copy, e.g. its offline cache), then sync step 1 so the client answers with its own
   * missing updates, then the current awareness states.
   */
  "doc:join": (payload: { documentId: string; stateVector?: WireBytes }, ack: Ack<JoinResult>) => void;
  "doc:leave": (payload: { documentId: string }, ack?: Ack) => void;
  /**
   * A y-protocols sync message. For step 2 and update messages the ack arrives only after the
   * update is committed to the database (or with `not_saved`/an error); step 1 is acked at once.
   */
  "doc:sync": (documentId: string, message: WireBytes, ack?: Ack) => void;
  /** A y-protocols awareness update; the server overwrites `user` with the session identity. */
  "doc:awareness": (documentId: string, update: WireBytes) => void;
}

/** A name of an event the client emits. */
export type CollabClientEvent = keyof CollabClientToServerEvents;

/**
 * Every event a client may emit, as a run-time list: the server registers its handlers from it
 * and the authorization matrix (server/security) enumerates it, so a new event cannot go
 * unauthorized unnoticed. The record makes a name missing here, or one not in the interface, a
 * type error.
 */
export const COLLAB_CLIENT_EVENTS = Object.keys({
  "doc:join": true,
  "doc:leave": true,
  "doc:sync": true,
  "doc:awareness": true,
} satisfies Record<CollabClientEvent, true>) as CollabClientEvent[];

/** Events the server emits. */
export interface CollabServerToClientEvents {
  "doc:sync": (documentId: string, message: Uint8Array) => void;
  /** A piece of a large initial sync message; reassemble by `index` until `count`, then treat as `doc:sync`. */
  "doc:sync-chunk": (
    documentId: string,
    chunk: { id: string; index: number; count: number; bytes: Uint8Array },
  ) => void;
  "doc:awareness": (documentId: string, update: Uint8Array) => void;
  /** Persistence state of a document: false while the database is unavailable. */
  "doc:saved-state": (documentId: string, state: { durable: boolean }) => void;
  /** The caller's role in the document changed (e.g. analyst → viewer); effective immediately. */
  "doc:role": (documentId: string, state: { readOnly: boolean; role: JoinResult["role"] }) => void;
  /** The document was closed for this connection; do not rejoin unless the reason allows it. */
  "doc:closed": (documentId: string, reason: DocCloseReason) => void;
  "doc:error": (documentId: string | null, error: CollabError) => void;
  /**
   * Something about the assessment beside its text changed: reload that part through the REST
   * API (where access is checked again). Says *that* it changed, never what it now holds.
   */
  "doc:changed": (documentId: string, change: DocumentChange) => void;
}

/**
 * What changed about an assessment beside its text: `reviews` (a verdict, or a member changed
 * role or left: their verdicts may no longer count), `comments` (a thread, with its id),
 * `judgements` (the projection rewrote some: review states may be stale), `assessment` (status,
 * archive or a new published version), `forecasts` (one was set, changed, removed or resolved),
 * `history` (a version was named, restored or saved after a burst of editing, or one was
 * exported: the History page and the audit trail have a new entry).
 */
export const DOCUMENT_CHANGE_KINDS = [
  "reviews",
  "comments",
  "judgements",
  "assessment",
  "forecasts",
  "history",
] as const;
export type DocumentChangeKind = (typeof DOCUMENT_CHANGE_KINDS)[number];
export interface DocumentChange {
  kind: DocumentChangeKind;
  threadId?: string;
  /**
   * Set (client side only) on the changes a document reports once a join is confirmed: something
   * may have changed unannounced before then (while the page loaded, or while offline), or nothing did.
   */
  catchUp?: true;
}

/** Whether a `doc:changed` payload is well-formed (the client checks what the server sends too). */
export function isDocumentChange(value: unknown): value is DocumentChange {
  if (typeof value !== "object" || value === null) return false;
  const { kind, threadId } = value as Record<string, unknown>;
  return (
    (DOCUMENT_CHANGE_KINDS as readonly unknown[]).includes(kind) &&
    (threadId === undefined || typeof threadId === "string")
  );
}

/** Room of a document's connections. */
export function documentRoom(documentId: string): string {
  return `doc:${documentId}`;
}
