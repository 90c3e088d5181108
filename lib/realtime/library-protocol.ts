import type { ErrorCode, FieldErrors } from "@/lib/errors";

/**
 * Live updates of a workspace's evidence library, shared by the server
 * (server/realtime/attach-library-server.ts) and the browser (lib/realtime/library-connection.ts).
 * Documented in docs/protocol.md.
 *
 * Transport: Socket.io namespace `/library` on the same server and options as `/collab`
 * (WebSocket only, msgpack parser, the same handshake authentication). A connection watches up to
 * 20 workspaces; the server says *that* something changed, never what it now contains:
 * clients reload what they show through the REST API or a page refresh, where access is checked
 * again.
 */
export const LIBRARY_NAMESPACE = "/library";

/** Which part of the library changed; `library` is an import or another change of many records. */
export const LIBRARY_CHANGE_KINDS = ["source", "site", "observation", "library"] as const;
export type LibraryChangeKind = (typeof LIBRARY_CHANGE_KINDS)[number];

/** One change in a workspace's library, as a client sees it. */
export type LibraryChange = {
  kind: LibraryChangeKind;
  /** The source, site or observation that changed; absent for `library`. */
  recordId?: string;
  /**
   * Set (client side only) on the `library` change a connection reports when a watch is
   * confirmed: something may have changed unannounced before then, or nothing did.
   */
  catchUp?: true;
};

/** The `library:changed` payload. */
export type LibraryChangedPayload = LibraryChange & { workspaceId: string };

/** An error ack: the same `error` object as the REST API's error bodies (`AppError` JSON). */
export interface LibraryAckError {
  ok: false;
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
}

export type LibraryAck = (result: { ok: true } | LibraryAckError) => void;

/** Events the client emits. */
export interface LibraryClientToServerEvents {
  /**
   * Start receiving `library:changed` for a workspace. Acked `{ ok: true }` for members; others get
   * `not_found:workspace` (exactly as for a workspace that does not exist), a malformed payload
   * `bad_request:library_watch`, a flood `rate_limited:library`. Watches end with the connection:
   * re-watch after reconnecting.
   */
  "library:watch": (payload: { workspaceId: string }, ack: LibraryAck) => void;
  /** Stop receiving a workspace's changes. */
  "library:unwatch": (payload: { workspaceId: string }, ack?: LibraryAck) => void;
}

/** A name of an event the client emits. */
export type LibraryClientEvent = keyof LibraryClientToServerEvents;

/**
 * Every event a client may emit, as a run-time list (see `COLLAB_CLIENT_EVENTS`): the server
 * registers its handlers from it and the authorization matrix enumerates it.
 */
export const LIBRARY_CLIENT_EVENTS = Object.keys({
  "library:watch": true,
  "library:unwatch": true,
} satisfies Record<LibraryClientEvent, true>) as LibraryClientEvent[];

/** Events the server emits. */
export interface LibraryServerToClientEvents {
  /** A source, site or observation of a watched workspace was created, changed, retracted or imported. */
  "library:changed": (payload: LibraryChangedPayload) => void;
  /** The caller lost access to a watched workspace; no further changes arrive for it. */
  "library:revoked": (payload: { workspaceId: string }) => void;
}

/** Room of the connections watching a workspace's library. */
export function libraryRoom(workspaceId: string): string {
  return `library:${workspaceId.toLowerCase()}`;
}
