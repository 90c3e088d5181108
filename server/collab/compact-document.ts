import { and, count, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import { documentSnapshots, documentUpdates } from "@/db/schema";
import { logWeight } from "./collab-config";
import { collabMetrics } from "./collab-metrics";
import { withDocumentLock } from "./document-lock";
import { documentFromLog, readDocumentLog } from "./read-document-log";

export interface CompactDocumentOptions {
  documentId: string;
  /** Test hook: runs after the rows to fold were read, before they are deleted. */
  afterRead?: () => void;
}

export interface CompactionResult {
  /** The new snapshot version. */
  version: number;
  /** Update rows folded into the snapshot and deleted. */
  foldedRows: number;
  /** Weight (bytes + 128 per row) of the rows left in the log, e.g. appended during compaction. */
  remainingWeight: number;
}

const DELETE_CHUNK = 5000;

/**
 * Folds a document's update log into its snapshot. The document is rebuilt in a fresh Y.Doc from
 * the stored snapshot and rows and re-encoded with `Y.encodeStateAsUpdate` (merging a long tail
 * with `Y.mergeUpdates` is super-linear and keeps deleted content). Only the rows that were read
 * are deleted, by id: bigserial ids are handed out before commit, so an append racing with this
 * transaction may hold a smaller id than rows already read, and `id <= max` would delete it
 * unseen. Returns null when there was nothing to fold.
 */
export async function compactDocument(options: CompactDocumentOptions): Promise<CompactionResult | null> {
  const { documentId } = options;
  return withDocumentLock(documentId, async (tx) => {
    const log = await readDocumentLog(tx, documentId);
    if (log.updates.length === 0) return null;
    options.afterRead?.();
    // A row failing to apply now is folded as far as Yjs got, rather than blocking compaction forever.
    const doc = documentFromLog(log, documentId);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const version = (log.snapshot?.version ?? 0) + 1;
    await tx
      .insert(documentSnapshots)
      .values({ documentId, state, version })
      .onConflictDoUpdate({ target: documentSnapshots.documentId, set: { state, version, updatedAt: sql`now()` } });
    const ids = log.updates.map((row) => row.id);
    for (let start = 0; start < ids.length; start += DELETE_CHUNK) {
      await tx
        .delete(documentUpdates)
        .where(
          and(
            eq(documentUpdates.documentId, documentId),
            inArray(documentUpdates.id, ids.slice(start, start + DELETE_CHUNK)),
          ),
        );
    }
    const [remaining] = await tx
      .select({ rows: count(), bytes: sql<string>`coalesce(sum(octet_length(${documentUpdates.update})), 0)` })
      .from(documentUpdates)
      .where(eq(documentUpdates.documentId, documentId));
    collabMetrics().compactions.inc();
    const rows = remaining?.rows ?? 0;
    return { version, foldedRows: ids.length, remainingWeight: Number(remaining?.bytes ?? 0) + logWeight(0) * rows };
  });
}
