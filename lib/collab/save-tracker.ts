import type { CollabErrorCode } from "./protocol";

/** What a `doc:sync` carried: a live edit, or the answer to the server's step 1 after a join. */
export type SendKind = "update" | "resync";

/** One send, as `sent` recorded it; handed back with its ack. */
export interface SendTicket {
  kind: SendKind;
  sequence: number;
  /** Whether it shows as "Saving…" (a resync that carries nothing new does not). */
  counted: boolean;
}

// Refusals that sending the same bytes again cannot fix.
const PERMANENT: readonly CollabErrorCode[] = ["forbidden", "invalid_message", "invalid_payload"];

/**
 * Bookkeeping behind "Saving… / Saved / Not saved" for one document. The server acknowledges an
 * update only after it is committed, so "saved" means: nothing in flight, nothing made while
 * offline still unsent, and no refusal outstanding. An acknowledged resync (the answer to the
 * server's step 1) proves the server stored everything this copy had when the resync was sent,
 * which settles whatever was unsent, lost with a connection, or refused with a retryable error
 * before it — but not what was refused after it, hence the sequence numbers.
 */
export class SaveTracker {
  private sequence = 0;
  private inflight = 0;
  /** Edits the server may lack (made offline, or their ack was lost with a connection) up to this send. */
  private unsentUpTo: number | null = null;
  /** A retryable refusal (`not_saved`, `internal`, `rate_limited` …) of this send waits for a resync. */
  private refusedUpTo: number | null = null;
  /**
   * An edit too large to send in one message, up to this send: resending it cannot help, but once
   * the user undoes it, the next resync carries only its deletion and settles it.
   */
  private tooLargeUpTo: number | null = null;
  /** A refusal no retry fixes (read-only role, malformed): not saved until the page is reloaded. */
  private rejected = false;
  /** Whether this copy has made any edit since it was opened ("saved" rather than "live"). */
  edited = false;
  /** Local edits (transactions) not yet known to be committed: what a refusal would cost. */
  unconfirmedEdits = 0;

  /** Edits waiting for the server: in flight or not sent yet. */
  get pending(): boolean {
    return this.inflight > 0 || this.unsentUpTo !== null;
  }

  /** Edits the server refused to store; retried unless the refusal was permanent. */
  get failed(): boolean {
    return this.refusedUpTo !== null || this.tooLargeUpTo !== null || this.rejected;
  }

  /** An edit too large to save is outstanding (the user has not undone it yet). */
  get tooLarge(): boolean {
    return this.tooLargeUpTo !== null;
  }

  /** A local edit made while not joined; the next resync carries it. */
  editedOffline(): void {
    this.edited = true;
    this.unconfirmedEdits += 1;
    this.unsentUpTo = this.sequence;
  }

  /**
   * Records a send. A resync counts as saving only when it carries something: edits the server
   * lacks, or any edit not yet confirmed; otherwise every join would flash "Saving…".
   */
  sent(kind: SendKind, carriesNew = true): SendTicket {
    const counted = kind === "update" || carriesNew || this.pending || this.failed;
    if (counted) this.inflight += 1;
    // A resync carrying new content sends edits of ours too (made offline, or before a reload).
    if (kind === "update" || carriesNew) this.edited = true;
    if (kind === "update") this.unconfirmedEdits += 1;
    this.sequence += 1;
    return { kind, sequence: this.sequence, counted };
  }

  acknowledged(ticket: SendTicket): void {
    if (ticket.counted) this.inflight = Math.max(0, this.inflight - 1);
    if (ticket.kind !== "resync") return;
    if (this.unsentUpTo !== null && ticket.sequence > this.unsentUpTo) this.unsentUpTo = null;
    if (this.refusedUpTo !== null && ticket.sequence > this.refusedUpTo) this.refusedUpTo = null;
    if (this.tooLargeUpTo !== null && ticket.sequence > this.tooLargeUpTo) this.tooLargeUpTo = null;
  }

  /** Whether an ack just left nothing outstanding; then every edit so far is committed. */
  settle(): void {
    if (!this.pending && !this.failed) this.unconfirmedEdits = 0;
  }

  /**
   * Records a refusal; says whether to resync after a delay. An oversized edit waits for the
   * user instead: the next edit (the undo) builds on what the server lacks, so the server asks
   * for a resync by itself.
   */
  refused(ticket: SendTicket, code: CollabErrorCode): "retry" | "wait" | "give_up" {
    if (ticket.counted) this.inflight = Math.max(0, this.inflight - 1);
    if (code === "message_too_large") {
      this.tooLargeUpTo = Math.max(this.tooLargeUpTo ?? 0, ticket.sequence);
      return "wait";
    }
    if (PERMANENT.includes(code)) {
      this.rejected = true;
      return "give_up";
    }
    this.refusedUpTo = Math.max(this.refusedUpTo ?? 0, ticket.sequence);
    return "retry";
  }

  /** The connection dropped: acks still outstanding will never arrive; the next resync covers them. */
  connectionLost(): void {
    if (this.inflight > 0) this.unsentUpTo = this.sequence;
    this.inflight = 0;
  }

  /** Edits of this copy the server will never store (read-only role, locked assessment). */
  refusedForGood(): void {
    this.rejected = true;
    this.unsentUpTo = null;
  }

  /** Whether edits made while not joined are still unsent. */
  get hasUnsent(): boolean {
    return this.unsentUpTo !== null;
  }
}
