import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";

/**
 * Origin of every transaction a bench client applies from the server, whatever the protocol: the
 * client does not send those back, and the edit tracker counts only those as arrivals.
 */
export const FROM_SERVER = Symbol("from-server");

/** One document as a simulated client holds it after joining. */
export interface JoinedDocument {
  doc: Y.Doc;
  /** Null with presence off: the client neither sends nor applies awareness. */
  awareness: Awareness | null;
  /**
   * Milliseconds from sending each local update to the server's acknowledgement, in send order,
   * where the protocol has one (ours: committed to the database; Hocuspocus: applied in memory).
   */
  ackMs: number[];
  /** Refusals the server sent back (ours: error codes; Hocuspocus: a SyncStatus "not applied"). */
  refusals: string[];
}

/** How a simulated client joins its document. */
export interface JoinOptions {
  presence: boolean;
  /** Called with `performance.now()` when the server's initial state has fully arrived (before it is applied). */
  onStateReceived?: (at: number) => void;
  /** Join storm: incoming messages are held, not applied, until this resolves. */
  holdUntil?: Promise<void>;
}

/** One simulated client connected to one document of a peer (a browser tab, protocol-wise). */
export interface PeerConnection {
  /** Joins the document; resolves once the initial sync is complete (the state applied). */
  join: (options: JoinOptions) => Promise<JoinedDocument>;
  close: () => void;
}

/** The three wire protocols of the peers. */
export type Protocol = "parallax" | "hocuspocus" | "y-websocket";

/** Where a peer listens and which protocol it speaks. */
export interface Endpoint {
  protocol: Protocol;
  /** `http://127.0.0.1:<port>`. */
  url: string;
}

/**
 * The presence state a client announces on the peers that take it from the client (ours stamps
 * the user from the session instead): the same fields and about the same size as ours.
 */
export function presenceState(index: number): Record<string, unknown> {
  return {
    user: {
      id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      name: `Bench Analyst ${index + 1}`,
      color: "#2f6fed",
    },
    cursor: null,
  };
}
