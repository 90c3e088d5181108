import type { CollabError, DocCloseReason, JoinResult } from "./protocol";

/**
 * What the status pill shows for one document:
 * - `connecting`: first connection or join under way;
 * - `offline`: no connection; local edits are kept (and cached) and sent on reconnect;
 * - `live`: joined and in sync, no edits of ours yet;
 * - `saving`: edits of ours the server has not acknowledged as committed;
 * - `saved`: every edit of ours is committed to the database;
 * - `not_saved`: the server could not store edits (database unavailable, refused); retrying;
 * - `closed`: the document was closed for us (see `closedReason`).
 */
export type CollabStatus = "connecting" | "offline" | "live" | "saving" | "saved" | "not_saved" | "closed";

/** Why a document stopped: a server `doc:closed` reason, or a join the server refused for good. */
export type DocumentClosedReason = DocCloseReason | "not_found";

/** Someone in the document, as the server identified them (never what a client claimed). */
export interface PresentUser {
  id: string;
  name: string;
  color: string;
  /** This tab's own user. */
  isSelf: boolean;
}

/**
 * Local changes the server will never take: made offline (or in flight) when the role dropped to
 * reviewer or viewer, or the assessment was published or archived. They are shown until the user
 * copies and discards them, and never sent, whatever the role later becomes.
 */
export interface RefusedChanges {
  /** `role`: the role no longer writes; `locked`: the assessment no longer takes edits. */
  reason: "role" | "locked";
  /** The role at the time. */
  role: JoinResult["role"] | null;
  /** How many local edits (transactions) were refused; 0 when unknown (they came from the offline copy). */
  edits: number;
}

/** Immutable snapshot of one document's collaboration state, for `useSyncExternalStore`. */
export interface CollabDocumentState {
  status: CollabStatus;
  /** Edits of ours not yet confirmed as committed (offline, in flight or refused). */
  hasUnsavedChanges: boolean;
  /** True for read-only roles; null until the server answered the first join. */
  readOnly: boolean | null;
  role: JoinResult["role"] | null;
  /** Our identity as the server stamps it on presence. */
  user: JoinResult["user"] | null;
  /** The server's document content has arrived at least once (the editor shows real text). */
  isSynced: boolean;
  /** The most recent problem worth showing; cleared when things work again. */
  error: CollabError | null;
  closedReason: DocumentClosedReason | null;
  /** Local changes the server refused for good, until discarded; the text is then read-only. */
  refused: RefusedChanges | null;
  /** The local copy was discarded (the page reloads to the server's text). */
  discarded: boolean;
  /** People in the document, one entry per user (several tabs of one person count once). */
  people: readonly PresentUser[];
}

/** Inputs the status is computed from. */
export interface StatusInputs {
  closed: boolean;
  connection: "connecting" | "online" | "offline";
  joined: boolean;
  durable: boolean;
  failed: boolean;
  pending: boolean;
  edited: boolean;
}

/** The pill status for a combination of connection and save state. */
export function computeStatus(inputs: StatusInputs): CollabStatus {
  if (inputs.closed) return "closed";
  if (inputs.connection === "offline") return "offline";
  if (!inputs.joined) return "connecting";
  if (inputs.failed || !inputs.durable) return "not_saved";
  if (inputs.pending) return "saving";
  return inputs.edited ? "saved" : "live";
}
