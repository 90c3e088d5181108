import { and, gt, inArray } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { documentSnapshots, documentUpdates } from "@/db/schema";
import { logger } from "../logger";
import type { DocumentRegistry } from "./document-registry";
import type { LiveDocument } from "./live-document";

const FETCH_CHUNK = 500;

/**
 * Brings the loaded documents up to date with the database: every update row this process has
 * not seen (the relay dropped it: Redis pub/sub is at-most-once) is applied and sent to local
 * clients, and a snapshot written by another process's compaction is merged in (it may hold rows
 * this process never saw and that are now deleted). Applying known updates again is a no-op in
 * Yjs, so being conservative costs reads, never correctness.
 */
export async function reconcileDocuments(documents: LiveDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const db = getDatabase();
  const byId = new Map(documents.map((live) => [live.id, live]));
  const floor = Math.min(...documents.map((live) => live.cursor.floor));
  const rows = await db
    .select({ id: documentUpdates.id, documentId: documentUpdates.documentId })
    .from(documentUpdates)
    .where(and(inArray(documentUpdates.documentId, [...byId.keys()]), gt(documentUpdates.id, floor)));
  const missing = rows.filter((row) => !byId.get(row.documentId)?.cursor.has(row.id)).map((row) => row.id);
  for (let start = 0; start < missing.length; start += FETCH_CHUNK) {
    const updates = await db
      .select({
        id: documentUpdates.id,
        documentId: documentUpdates.documentId,
        update: documentUpdates.update,
        userId: documentUpdates.userId,
      })
      .from(documentUpdates)
      .where(inArray(documentUpdates.id, missing.slice(start, start + FETCH_CHUNK)));
    for (const row of updates) {
      const live = byId.get(row.documentId);
      live?.applyRemoteUpdate(row.update, "reconcile", row.userId);
      live?.cursor.note([row.id]);
    }
  }
  const snapshots = await db
    .select({ documentId: documentSnapshots.documentId, version: documentSnapshots.version })
    .from(documentSnapshots)
    .where(inArray(documentSnapshots.documentId, [...byId.keys()]));
  for (const snapshot of snapshots) {
    const live = byId.get(snapshot.documentId);
    if (!live || snapshot.version <= live.snapshotVersion) continue;
    const [row] = await db
      .select({ state: documentSnapshots.state, version: documentSnapshots.version })
      .from(documentSnapshots)
      .where(inArray(documentSnapshots.documentId, [live.id]));
    if (!row) continue;
    live.applyRemoteUpdate(row.state, "reconcile");
    live.snapshotVersion = Math.max(live.snapshotVersion, row.version);
  }
  const now = Date.now();
  for (const live of documents) {
    live.cursor.advance(now);
    live.retryPendingUpdates();
  }
}

/** Reconciles every `intervalMs` until stopped; a slow round delays the next instead of overlapping. */
export function startReconciler(registry: DocumentRegistry, intervalMs: number): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const round = async () => {
    try {
      await reconcileDocuments(registry.loaded());
    } catch (error) {
      logger().warn({ err: error }, "collab reconciliation failed");
    }
    if (!stopped) timer = setTimeout(() => void round(), intervalMs);
  };
  timer = setTimeout(() => void round(), intervalMs);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
