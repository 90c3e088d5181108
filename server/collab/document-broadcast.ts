import { logger } from "../logger";
import { collabMetrics } from "./collab-metrics";
import type { CollabNamespace } from "./collab-types";
import { mergeUpdates } from "./merge-updates";
import type { DocumentRelay } from "./redis-relay";
import { encodeUpdateMessage } from "./sync-messages";
import { toWireBytes } from "./wire-bytes";

/** Above this many pending bytes the batch goes out at once rather than at the end of the turn. */
const MAX_PENDING_BYTES = 512 * 1024;
/**
 * An update this long after the last send is sent at once; sooner, it joins the turn's batch.
 * Waiting for the end of the turn cost a lone update about 0.4 ms to its first receiver in the
 * fan-out bench (bench/README.md); at typing speed updates are tens of ms apart.
 */
const QUIET_MS = 4;

interface PendingAwareness {
  update: Uint8Array;
  /** The connection it came from, which does not get it back; null: every connection. */
  exceptSocketId: string | null;
  relay: boolean;
}

/**
 * What one document sends its connections. An update to a quiet document (nothing sent for
 * `QUIET_MS`) goes out at once, from the handler that applied it: one typist's keystrokes wait
 * for nothing. Updates arriving closer together are batched per event-loop turn: every update
 * applied in one turn (the socket reads Node handled together) goes out as one merged Yjs update
 * right after the poll phase that read them (`setImmediate`), one message per connection instead
 * of one per update per connection, and one relay message. Under load the batches grow by
 * themselves, which is what keeps many writers from drowning every reader.
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
  private scheduled: NodeJS.Immediate | null = null;
  /** When updates were last sent (`performance.now()`). */
  private sentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly documentId: string,
    private readonly room: string,
    private readonly namespace: CollabNamespace,
    private readonly relay: DocumentRelay | undefined,
    /** `QUIET_MS`; tests set a long one so that "right behind" does not depend on their speed. */
    private readonly quietMs = QUIET_MS,
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
    const quiet = this.updates.length === 1 && performance.now() - this.sentAt >= this.quietMs;
    if (quiet || this.bytes >= MAX_PENDING_BYTES) this.flush();
    else this.schedule();
  }

  /** Sends a presence update, at once or after the content queued before it. */
  presence(update: Uint8Array, exceptSocketId: string | null, relay: boolean): void {
    this.awareness.push({ update, exceptSocketId, relay });
    if (this.updates.length === 0) this.flush();
    else this.schedule();
  }

  /** Sends everything pending now. */
  flush(): void {
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = null;
    }
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

  private schedule(): void {
    this.scheduled ??= setImmediate(() => {
      this.scheduled = null;
      this.flush();
    });
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
