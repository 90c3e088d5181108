import { getDatabase } from "@/db/client";
import { type DocumentChange, documentRoom } from "@/lib/collab/protocol";
import { getEventBus } from "../events/event-bus";
import { logger } from "../logger";
import { AppendQueue } from "./append-queue";
import { applyAssessmentChange } from "./apply-assessment-change";
import { applyMembershipChange } from "./apply-membership-change";
import { attachCollabHandlers } from "./attach-collab-handlers";
import type { CollabConfig } from "./collab-config";
import { collabMetrics } from "./collab-metrics";
import type { CollabContext, CollabNamespace } from "./collab-types";
import { compactDocument } from "./compact-document";
import { DocumentRegistry } from "./document-registry";
import { type InsertUpdateRows, insertUpdateRows } from "./insert-update-rows";
import { leaveAllDocuments, leaveDocument } from "./leave-document";
import { LiveDocument, type LiveDocumentContext } from "./live-document";
import { readDocumentLog } from "./read-document-log";
import { reconcileDocuments, startReconciler } from "./reconcile-documents";
import { createRedisRelay } from "./redis-relay";

export interface CreateCollabServerOptions {
  /** The `/collab` namespace, with handshake authentication already installed. */
  namespace: CollabNamespace;
  config: CollabConfig;
  /** Writer of update batches; tests wrap the real one to inject database outages. */
  insertRows?: InsertUpdateRows;
}

export interface CollabServer {
  registry: DocumentRegistry;
  /** Resolves when every update received so far is committed. */
  flush: () => Promise<void>;
  /** Graceful stop: refuse new updates, commit queued ones (≤ 10 s), close documents, disconnect. */
  close: () => Promise<void>;
  /** Simulated crash for tests: drops connections and queued updates without committing them. */
  crash: () => Promise<void>;
}

const SHUTDOWN_FLUSH_MS = 10_000;

/**
 * The collaboration server of one process: connection handlers on the namespace, the document
 * registry, group commit, compaction, and, with Redis, the relay and reconciliation that let
 * several processes share documents. Role changes arrive through the event bus.
 */
export async function createCollabServer(options: CreateCollabServerOptions): Promise<CollabServer> {
  const { namespace, config } = options;
  const relay = config.redisUrl
    ? await createRedisRelay({ url: config.redisUrl, processId: config.processId })
    : undefined;
  const queue = new AppendQueue({
    insert: options.insertRows ?? insertUpdateRows,
    commitDelayMs: config.commitDelayMs,
    onCommitted: (documentId, ids, bytes) => registry.get(documentId)?.noteCommitted(ids, bytes),
    onDurability: (documentId, durable) => registry.get(documentId)?.setDurable(durable),
  });
  const liveContext: LiveDocumentContext = {
    namespace,
    relay,
    append: (row) => queue.append(row),
    requestCompaction: (live) => compact(live),
    compactBytes: config.compactBytes,
    contentDelayMs: config.contentDelayMs,
  };
  const registry = new DocumentRegistry({
    load: async (documentId, workspaceId) => {
      const live = new LiveDocument(documentId, workspaceId, liveContext);
      try {
        // Subscribe before reading the log: whatever other processes accept meanwhile arrives
        // through the relay, and Yjs applies it in any order.
        await relay?.subscribe(documentId, live.handleRelay);
        live.loadLog(await readDocumentLog(getDatabase(), documentId));
      } catch (error) {
        await relay?.unsubscribe(documentId, live.handleRelay);
        live.destroy();
        throw error;
      }
      collabMetrics().openDocuments.inc();
      if (live.logWeight > config.compactBytes) compact(live);
      return live;
    },
    unload: async (live) => {
      collabMetrics().openDocuments.dec();
      await relay?.unsubscribe(live.id, live.handleRelay);
      live.destroy();
    },
  });
  const ctx: CollabContext = { config, namespace, registry, closing: false };

  function compact(live: LiveDocument): void {
    live.compacting = true;
    compactDocument({ documentId: live.id })
      .then((result) => {
        if (!result) return;
        live.snapshotVersion = Math.max(live.snapshotVersion, result.version);
        live.logWeight = result.remainingWeight;
      })
      .catch((error: unknown) => logger().warn({ err: error, documentId: live.id }, "compaction failed"))
      .finally(() => {
        live.compacting = false;
      });
  }

  namespace.on("connection", (socket) => attachCollabHandlers(ctx, socket));
  const unsubscribeMembership = getEventBus().subscribe("membership.changed", (event) =>
    applyMembershipChange(ctx, event),
  );
  const unsubscribeAssessment = getEventBus().subscribe("assessment.changed", (event) =>
    applyAssessmentChange(ctx, event),
  );
  // A restored version was appended to the log by a request, not a connection: read it like a dropped relay message.
  const unsubscribeRestored = getEventBus().subscribe("document.restored", async (event) => {
    const live = registry.get(event.assessmentId.toLowerCase());
    if (live) await reconcileDocuments([live]);
  });
  // Reviews, comments and judgements of an open assessment changed (on any process): tell this
  // process's connections that joined it. Each process gets the event, so emit locally only.
  const announce = (documentId: string, change: DocumentChange): void => {
    namespace.local.to(documentRoom(documentId.toLowerCase())).emit("doc:changed", documentId.toLowerCase(), change);
  };
  const unsubscribeChanges = [
    getEventBus().subscribe("review.changed", (event) => announce(event.assessmentId, { kind: "reviews" })),
    // Verdicts count only while their reviewer is a member who may review: a role change or a
    // departure can change any judgement's status in the workspace, with no verdict given.
    getEventBus().subscribe("membership.changed", (event) => {
      const workspaceId = event.workspaceId.toLowerCase();
      for (const live of registry.loaded()) {
        if (live.workspaceId.toLowerCase() === workspaceId) announce(live.id, { kind: "reviews" });
      }
    }),
    getEventBus().subscribe("judgements.changed", (event) => announce(event.assessmentId, { kind: "judgements" })),
    getEventBus().subscribe("assessment.changed", (event) => announce(event.assessmentId, { kind: "assessment" })),
    getEventBus().subscribe("forecasts.changed", (event) => announce(event.assessmentId, { kind: "forecasts" })),
    getEventBus().subscribe("history.changed", (event) => announce(event.assessmentId, { kind: "history" })),
    getEventBus().subscribe("comments.changed", (event) =>
      announce(event.assessmentId, { kind: "comments", threadId: event.threadId }),
    ),
  ];
  // A revoked API token ends the connections it opened, not only its future requests.
  const unsubscribeToken = getEventBus().subscribe("api_token.revoked", (event) => {
    for (const socket of namespace.sockets.values()) {
      if (socket.data.actor?.tokenId !== event.tokenId) continue;
      for (const documentId of [...(socket.data.collab?.joined.keys() ?? [])]) {
        leaveDocument(ctx, socket, documentId, "access_revoked");
      }
      socket.disconnect(true);
    }
  });
  const unsubscribe = () => {
    for (const unsubscribeChange of unsubscribeChanges) unsubscribeChange();
    unsubscribeMembership();
    unsubscribeAssessment();
    unsubscribeRestored();
    unsubscribeToken();
  };
  const reconciler = relay ? startReconciler(registry, config.reconcileMs) : undefined;

  const disconnectAll = (reason?: "server_shutdown") => {
    for (const socket of namespace.sockets.values()) {
      for (const documentId of socket.data.collab?.joined.keys() ?? []) {
        if (reason) socket.emit("doc:closed", documentId, reason);
      }
      leaveAllDocuments(ctx, socket);
      socket.disconnect(true);
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = async (graceful: boolean) => {
    ctx.closing = true;
    unsubscribe();
    reconciler?.stop();
    if (graceful) {
      // Commit what was received (its senders get their acks), bounded so a dead database cannot
      // hold the shutdown; whatever is left is refused with `not_saved` and resent by clients.
      const flushed = Promise.all([queue.flush(), registry.settleAll()]);
      await Promise.race([flushed, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_FLUSH_MS).unref())]);
      queue.stop();
      disconnectAll("server_shutdown");
    } else {
      // A crash: connections drop first, so no ack for an uncommitted update can reach a client.
      disconnectAll();
      queue.stop();
    }
    await registry.closeAll(graceful);
    await relay?.close();
  };

  return {
    registry,
    flush: async () => {
      await queue.flush();
      await registry.settleAll();
    },
    close: () => {
      stopping ??= stop(true);
      return stopping;
    },
    crash: () => {
      stopping ??= stop(false);
      return stopping;
    },
  };
}
