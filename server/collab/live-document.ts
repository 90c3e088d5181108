import * as Y from "yjs";
import { DOCUMENT_DOC_OPTIONS } from "@/lib/collab/citation-values";
import { documentRoom } from "@/lib/collab/protocol";
import { logger } from "../logger";
import { hasMissingDependencies } from "./check-dependencies";
import { CollabFault } from "./collab-fault";
import type { CollabNamespace, UpdateOrigin } from "./collab-types";
import { repairConcurrentCitations } from "./concurrent-citations";
import { DocumentBroadcast } from "./document-broadcast";
import { DocumentPresence } from "./document-presence";
import type { UpdateRow } from "./insert-update-rows";
import { decodeJudgementCredit, encodeJudgementCredit, findTouchedJudgements } from "./judgement-credit";
import { LogCursor } from "./log-cursor";
import type { DocumentLog } from "./read-document-log";
import type { DocumentRelay, RelayKind } from "./redis-relay";
import { ContentSaver } from "./store-document-content";
import { encodeSyncStep2, encodeSyncStep2FromUpdate } from "./sync-messages";

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** What a live document needs from the server around it. */
export interface LiveDocumentContext {
  namespace: CollabNamespace;
  relay?: DocumentRelay;
  /** Queues an update for the group commit; resolves after it is committed. */
  append: (row: UpdateRow) => Promise<void>;
  /** Called when the log has grown past the compaction threshold. */
  requestCompaction: (live: LiveDocument) => void;
  compactBytes: number;
  contentDelayMs: number;
}

/**
 * One document held in memory by this process: the Y.Doc every connection shares, presence,
 * and the bookkeeping of what is stored. Client updates are broadcast as soon as they are applied
 * and acknowledged once committed; relayed and reconciled updates only reach local clients.
 */
export class LiveDocument {
  readonly doc = new Y.Doc(DOCUMENT_DOC_OPTIONS);
  readonly room: string;
  readonly presence: DocumentPresence;
  /** What this document sends its connections and the other processes, batched per turn. */
  readonly broadcast: DocumentBroadcast;
  readonly cursor = new LogCursor();
  /** False while saves of this document are failing; clients are told through `doc:saved-state`. */
  durable = true;
  /** Weight of the rows in the update log (bytes + 128 per row), for the compaction threshold. */
  logWeight = 0;
  snapshotVersion = 0;
  compacting = false;
  /** Set by `destroy()`; late relay or reconciliation messages are then ignored. */
  destroyed = false;
  private readonly content: ContentSaver;
  private lastPersist: Promise<void> = Promise.resolve();
  /** Sync step 2 holding the whole document, kept until the next change (see `syncStep2`). */
  private wholeState: { message: Uint8Array; pending: readonly unknown[] } | null = null;
  /**
   * The client update being applied: its effective part, its sender, the judgement blocks it
   * touched (`judgementIds`, credited to the sender), and the changes Yjs made on its own while
   * integrating it (`tidied`), stored right after it.
   */
  private capture: {
    origin: UpdateOrigin;
    update: Uint8Array | null;
    userId: string;
    judgementIds: Set<string>;
    tidied: Uint8Array[];
  } | null = null;

  constructor(
    readonly id: string,
    readonly workspaceId: string,
    private readonly context: LiveDocumentContext,
  ) {
    this.room = documentRoom(id);
    this.content = new ContentSaver(id, this.doc, context.contentDelayMs);
    this.broadcast = new DocumentBroadcast(id, this.room, context.namespace, context.relay);
    this.presence = new DocumentPresence(this);
    this.doc.on("afterTransaction", this.handleTransaction);
    this.doc.on("update", this.handleUpdate);
  }

  /** Applies the stored snapshot and log rows (at load; no client is connected yet). */
  loadLog(log: DocumentLog): void {
    const origin: UpdateOrigin = { kind: "load" };
    // A compacted document is its snapshot: the first joiners get those very bytes instead of an
    // encoding of the document just built from them (tens of milliseconds for a long document in
    // a process that has not warmed up). Loading does not drop it; any other change does, e.g.
    // Yjs tidying formatting marks right after the load, and so does a snapshot whose updates Yjs
    // parks for missing dependencies (see `syncStep2`).
    if (log.snapshot && log.updates.length === 0) {
      this.wholeState = { message: encodeSyncStep2FromUpdate(log.snapshot.state), pending: [null, null] };
    }
    this.doc.transact(() => {
      if (log.snapshot) Y.applyUpdate(this.doc, log.snapshot.state, origin);
      for (const row of log.updates) {
        try {
          Y.applyUpdate(this.doc, row.update, origin);
        } catch (error) {
          logger().error({ err: error, documentId: this.id, rowId: row.id }, "stored update failed to apply");
        }
      }
    }, origin);
    this.snapshotVersion = log.snapshot?.version ?? 0;
    this.cursor.note(log.updates.map((row) => row.id));
    this.logWeight = log.updates.reduce((sum, row) => sum + row.update.byteLength + 128, 0);
  }

  /**
   * Applies an update from a writer; resolves once it is durable. The bytes passed the validity
   * gate already; an update that builds on unknown changes is refused (`out_of_sync`). A no-op update (everything already known) resolves when every update this
   * document has queued so far is durable, since what it repeats may still be in flight.
   */
  applyClientUpdate(update: Uint8Array, decoded: DecodedUpdate, socketId: string, userId: string): Promise<void> {
    if (hasMissingDependencies(this.doc, decoded)) throw new CollabFault("out_of_sync");
    const origin: UpdateOrigin = { kind: "client", socketId };
    const { store } = this.doc;
    const pendingBefore = [store.pendingStructs, store.pendingDs];
    const capture = {
      origin,
      update: null as Uint8Array | null,
      userId,
      judgementIds: new Set<string>(),
      tidied: [] as Uint8Array[],
    };
    this.capture = capture;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      // Yjs may have integrated part of the update before throwing, and peers were sent that part:
      // store exactly that part so the database stays equal to what everyone has.
      logger().warn({ err: error, documentId: this.id }, "update failed to apply");
      if (capture.update) void this.persist(capture.update, userId).catch(() => {});
      this.persistTidied(capture.tidied);
      throw new CollabFault("invalid_message");
    } finally {
      this.capture = null;
    }
    // Updates whose dependencies are missing wait in the store's pending sets; they must be
    // stored too, or they would be lost when a relayed update later completes them.
    const pendingChanged = store.pendingStructs !== pendingBefore[0] || store.pendingDs !== pendingBefore[1];
    const saved = capture.update === null && !pendingChanged ? this.lastPersist : this.persist(update, userId);
    this.persistTidied(capture.tidied);
    return saved;
  }

  /**
   * Applies an update that another process accepted (relay) or stored (reconciliation). `userId`
   * is the sender stored with a reconciled row: what it changed in judgement blocks is credited
   * to them, as the relay's credit message would have done.
   */
  applyRemoteUpdate(update: Uint8Array, kind: "relay" | "reconcile", userId?: string | null): void {
    if (this.destroyed) return;
    try {
      Y.applyUpdate(this.doc, update, kind === "reconcile" ? { kind, userId } : { kind });
    } catch (error) {
      logger().error({ err: error, documentId: this.id, kind }, "remote update failed to apply");
    }
  }

  /**
   * Applies again the updates Yjs parked for missing dependencies. Yjs retries them only when a
   * later update advances a client it noted as missing; after a Redis outage (relay messages lost,
   * then repaired out of order) that note can name clocks only the parked updates themselves
   * provide, and they stay parked although everything they need is here: the process then
   * forwards nothing from other processes to its clients. Re-applying them is what Yjs's own retry
   * does; what still lacks a dependency is parked again.
   */
  retryPendingUpdates(): void {
    const pending = this.doc.store.pendingStructs;
    if (this.destroyed || !pending) return;
    this.doc.store.pendingStructs = null;
    try {
      Y.applyUpdateV2(this.doc, pending.update, { kind: "reconcile" });
    } catch (error) {
      logger().error({ err: error, documentId: this.id }, "parked updates failed to apply");
    }
  }

  /**
   * Sync step 2 for a client holding `stateVector`: what it lacks. A client that has nothing (no
   * state vector, or an empty one) gets the whole document, encoded once per version and shared:
   * when fifty people open a large document at once, the server encodes it once, not fifty times.
   */
  syncStep2(stateVector?: Uint8Array): Uint8Array {
    const knowsNothing = !stateVector || (stateVector.byteLength === 1 && stateVector[0] === 0);
    if (!knowsNothing) return encodeSyncStep2(this.doc, stateVector);
    // Yjs includes parked updates (missing dependencies) in the encoding; parking one emits no
    // update event, so a changed parking lot also makes the kept message stale.
    const { pendingStructs, pendingDs } = this.doc.store;
    const cached = this.wholeState;
    if (cached && cached.pending[0] === pendingStructs && cached.pending[1] === pendingDs) return cached.message;
    const message = encodeSyncStep2(this.doc);
    this.wholeState = { message, pending: [pendingStructs, pendingDs] };
    return message;
  }

  /** Routes relay messages of this document. */
  readonly handleRelay = (kind: RelayKind, payload: Uint8Array): void => {
    if (kind === "update") this.applyRemoteUpdate(payload, "relay");
    else if (this.destroyed) return;
    else if (kind === "credit") {
      const { userId, judgementIds } = decodeJudgementCredit(payload);
      this.content.credit(userId, judgementIds);
    } else this.presence.applyRemote(payload);
  };

  /** Rows this process wrote for the document committed. */
  noteCommitted(ids: number[], bytes: number): void {
    this.cursor.note(ids);
    this.logWeight += bytes + 128 * ids.length;
    if (this.logWeight > this.context.compactBytes && !this.compacting) this.context.requestCompaction(this);
  }

  /** Saves started failing (false) or work again (true): tell the document's clients. */
  setDurable(durable: boolean): void {
    if (this.durable === durable) return;
    this.durable = durable;
    this.context.namespace.local.to(this.room).emit("doc:saved-state", this.id, { durable });
  }

  /** Resolves when every update queued so far is committed and the derived content is written. */
  async settled(): Promise<void> {
    await this.lastPersist;
    await this.content.flush();
  }

  /** Releases memory and timers; the document must not be used afterwards. */
  destroy(): void {
    // What is still queued goes out (the other processes' copies need it), then nothing more.
    this.broadcast.flush();
    this.destroyed = true;
    this.content.cancel();
    this.presence.destroy();
    this.doc.off("afterTransaction", this.handleTransaction);
    this.doc.off("update", this.handleUpdate);
    this.doc.destroy();
  }

  /** Stores changes Yjs made on its own (after the update that caused them, with no sender). */
  private persistTidied(changes: Uint8Array[]): void {
    for (const change of changes) void this.persist(change, null).catch(() => {});
  }

  private persist(update: Uint8Array, userId: string | null): Promise<void> {
    const saved = this.context.append({ documentId: this.id, update, userId });
    const previous = this.lastPersist;
    this.lastPersist = previous.then(() => saved.catch(() => {}));
    return saved;
  }

  /**
   * Notes which judgement blocks a sender's transaction touched, while Yjs still holds what it
   * deleted (garbage collection runs after this event). Only the process that accepted an update
   * knows its sender; a reconciled row names its own.
   */
  private readonly handleTransaction = (transaction: Y.Transaction): void => {
    const origin = transaction.origin as UpdateOrigin | null;
    if (origin?.kind !== "load") this.mendCitations(transaction);
    const capture = this.capture;
    const isClient = capture !== null && origin === capture.origin;
    const reconciledFrom = origin?.kind === "reconcile" ? origin.userId : null;
    if (!isClient && !reconciledFrom) return;
    // A throw here would abort the transaction's cleanup and fail the update half applied.
    try {
      const touched = findTouchedJudgements(transaction);
      if (isClient) for (const id of touched) capture.judgementIds.add(id);
      else if (reconciledFrom && touched.size > 0) this.content.credit(reconciledFrom, [...touched]);
    } catch (error) {
      logger().error({ err: error, documentId: this.id }, "finding the judgements an update touched failed");
    }
  };

  /**
   * Merges back a citation list that this transaction overwrote without its writer having seen it
   * (two people citing on one judgement at once; see `concurrent-citations.ts`). The repair is a
   * transaction without origin, run right after this one: broadcast to everyone, relayed and
   * stored after the update that caused it, like Yjs's own tidying. A stored log is not mended
   * while it loads: there, every old overwritten value looks new.
   */
  private mendCitations(transaction: Y.Transaction): void {
    try {
      repairConcurrentCitations(transaction);
    } catch (error) {
      logger().error({ err: error, documentId: this.id }, "merging concurrent citations failed");
    }
  }

  private readonly handleUpdate = (update: Uint8Array, origin: UpdateOrigin | null): void => {
    if (origin?.kind !== "load") this.wholeState = null;
    // A throw here would stop Yjs's cleanup of the transaction half way, and the document would
    // emit no update again: nothing broadcast or stored, while senders are still acked.
    try {
      this.routeUpdate(update, origin);
    } catch (error) {
      logger().error({ err: error, documentId: this.id }, "broadcasting or storing an update failed");
    }
  };

  private routeUpdate(update: Uint8Array, origin: UpdateOrigin | null): void {
    if (this.capture && origin === this.capture.origin) this.capture.update = update;
    if (origin?.kind === "load") return;
    if (origin === null) {
      // Yjs changed the document on its own, in a transaction without origin: it deletes
      // redundant format marks after a remote update (two people bolding the same words). Every
      // copy must get the change, and the log too, or live and stored documents differ.
      this.broadcast.update(update, null, true);
      this.content.changed(null);
      if (this.capture) this.capture.tidied.push(update);
      else this.persistTidied([update]);
    } else if (origin.kind === "client") {
      const capture = this.capture?.origin === origin ? this.capture : null;
      if (capture && capture.judgementIds.size > 0) {
        // Ahead of the update (the relay keeps one publisher's order): another process whose
        // save covers the update then credits the sender too, even if it projects the change
        // before this process does.
        const credit = { userId: capture.userId, judgementIds: [...capture.judgementIds] };
        this.context.relay?.publish(this.id, "credit", encodeJudgementCredit(credit));
      }
      this.broadcast.update(update, origin.socketId, true);
      // The process that accepted an edit refreshes the derived copy (crediting its sender on the
      // judgements it touched); the others need not.
      this.content.changed(capture?.userId ?? null, capture?.judgementIds);
    } else {
      this.broadcast.update(update, null, false);
    }
  }
}
