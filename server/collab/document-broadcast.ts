import { logger } from "../logger";
import { collabMetrics } from "./collab-metrics";
import type { CollabNamespace } from "./collab-types";
import { mergeUpdates } from "./merge-updates";
import type { DocumentRelay } from "./redis-relay";
import { encodeUpdateMessage } from "./sync-messages";
import { toWireBytes } from "./wire-bytes";

/** Above this many pending bytes the batch goes out at once rather than when its window closes. */
const MAX_PENDING_BYTES = 512 * 1024;
/**
 * A document sends its connections at most one content message per window of this length. An
 * update to a document that sent nothing for as long goes out at once; updates behind it are
 * merged and sent when the window that send opened closes. Sending per event-loop turn instead
 * made a message per connection every turn, tens of them per window when many people type (see
 * bench/README.md, "Fifth round"); at typing speed one person's keystrokes are tens of ms apart
 * and wait for nothing.
 */
const WINDOW_MS = 4;

interface PendingAwareness {
  update: Uint8Array;
  /** The connection it came from, which does not get it back; null: every connection. */
  exceptSocketId: string | null;
  relay: boolean;
}

/**
 * What one document sends its connections. An update to a quiet document (nothing sent for
 * `WINDOW_MS`) goes out at once, from the handler that applied it: one typist's keystrokes wait
 * for nothing. Updates arriving sooner are collected until `WINDOW_MS` after that send (at the
 * earliest the end of the event-loop turn) and go out as one merged Yjs update: one message per
 * connection and one relay message per window instead of one per update per connection. Under
 * load a document thus sends about 250 messages per second per connection however many people
 * type, which is what keeps many writers from drowning every reader, and the server and readers
 * from spending their time on message overhead; the price is at most `WINDOW_MS` of latency.
 *
 * Presence goes out at once when no content is waiting, and otherwise after the content queued
 * before it, in order, so a caret never arrives before the text it points at. A batch holding one
 * sender's updates skips that sender (it has them); a batch mixing senders goes to everyone, as
 * merging a copy per sender would cost more than a writer ignoring its own changes (Yjs skips what
 * a document already holds).
 */
export class DocumentBroadcast {
  private updates: Uint8Array[] = [];
  private bytes = 0;
  /** Connections whose updates are pending; null stands for changes with no sender here. */
  private readonly senders = new Set<string | null>();
  private relayUpdates: Uint8Array[] = [];
  private awareness: PendingAwareness[] = [];
  /** Cancels the pending send, when one is scheduled. */
  private scheduled: (() => void) | null = null;
  /** When updates were last sent (`performance.now()`). */
  private sentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly documentId: string,
    private readonly room: string,
    private readonly namespace: CollabNamespace,
    private readonly relay: DocumentRelay | undefined,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /**
   * Queues a document update for this process's connections (except `senderSocketId`, when
   * given) and, with `relay`, for the other processes.
   */
  update(update: Uint8Array, senderSocketId: string | null, relay: boolean): void {
    this.updates.push(update);
    this.bytes += update.byteLength;
    this.senders.add(senderSocketId);
    if (relay && this.relay) this.relayUpdates.push(update);
    const sinceSent = performance.now() - this.sentAt;
    const quiet = this.updates.length === 1 && sinceSent >= this.windowMs;
    if (quiet || this.bytes >= MAX_PENDING_BYTES) this.flush();
    else this.schedule(this.windowMs - sinceSent);
  }

  /** Sends a presence update, at once or after the content queued before it. */
  presence(update: Uint8Array, exceptSocketId: string | null, relay: boolean): void {
    this.awareness.push({ update, exceptSocketId, relay });
    // Otherwise the content's send, already scheduled, takes it along.
    if (this.updates.length === 0) this.flush();
  }

  /** Sends everything pending now. */
  flush(): void {
    this.scheduled?.();
    this.scheduled = null;
    try {
      this.sendUpdates();
    } catch (error) {
      logger().error({ err: error, documentId: this.documentId }, "broadcasting document updates failed");
    }
    const awareness = this.awareness;
    this.awareness = [];
    for (const entry of awareness) {
      const target = this.namespace.local.to(this.room);
      (entry.exceptSocketId ? target.except(entry.exceptSocketId) : target).emit(
        "doc:awareness",
        this.documentId,
        toWireBytes(entry.update),
      );
      if (entry.relay) this.relay?.publish(this.documentId, "awareness", entry.update);
    }
  }

  /** Sends in `delayMs`, at the earliest after this turn; a send already scheduled stays. */
  private schedule(delayMs: number): void {
    if (this.scheduled) return;
    const send = () => {
      this.scheduled = null;
      this.flush();
    };
    if (delayMs <= 0) {
      const immediate = setImmediate(send);
      this.scheduled = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(send, delayMs);
      this.scheduled = () => clearTimeout(timer);
    }
  }

  private sendUpdates(): void {
    const { updates, relayUpdates } = this;
    if (updates.length === 0) return;
    this.sentAt = performance.now();
    const senders = [...this.senders];
    this.updates = [];
    this.relayUpdates = [];
    this.bytes = 0;
    this.senders.clear();
    const merged = mergeUpdates(updates);
    const sender = senders.length === 1 ? senders[0] : null;
    const recipients = this.namespace.adapter.rooms.get(this.room)?.size ?? 0;
    const target = this.namespace.local.to(this.room);
    (sender ? target.except(sender) : target).emit(
      "doc:sync",
      this.documentId,
      toWireBytes(encodeUpdateMessage(merged)),
    );
    collabMetrics().updatesOut.inc(sender ? Math.max(0, recipients - 1) : recipients);
    if (relayUpdates.length > 0) this.relay?.publish(this.documentId, "update", mergeUpdates(relayUpdates));
  }
}
