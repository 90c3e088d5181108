import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Executor } from "@/db/client";
import { documentSnapshots, documentUpdates } from "@/db/schema";
import { DOCUMENT_DOC_OPTIONS } from "@/lib/collab/citation-values";
import { logger } from "../logger";

/** A document as stored: its snapshot (if it was ever compacted) and every update row after it. */
export interface DocumentLog {
  snapshot: { state: Uint8Array; version: number } | null;
  updates: { id: number; update: Uint8Array }[];
}

/**
 * Reads a document's remaining update rows, then its snapshot. That order matters: a compaction
 * committing between the two reads deleted some of the rows already read but its new snapshot,
 * read second, contains them; the other order could miss them. Yjs updates are idempotent and
 * commutative, so a row present in both does no harm.
 */
export async function readDocumentLog(db: Executor, documentId: string): Promise<DocumentLog> {
  const updates = await db
    .select({ id: documentUpdates.id, update: documentUpdates.update })
    .from(documentUpdates)
    .where(eq(documentUpdates.documentId, documentId))
    .orderBy(asc(documentUpdates.id));
  const [snapshot] = await db
    .select({ state: documentSnapshots.state, version: documentSnapshots.version })
    .from(documentSnapshots)
    .where(eq(documentSnapshots.documentId, documentId));
  return { snapshot: snapshot ?? null, updates };
}

/**
 * A Y.Doc holding a read log: the snapshot, then every row. A stored row that fails to apply is
 * logged and skipped, as the live document does: rows passed the validity gate when written, and
 * one failing now must not block reading, freezing or compacting the rest. The caller destroys it.
 */
export function documentFromLog(log: DocumentLog, documentId: string): Y.Doc {
  // Overwritten citation lists are kept, so compaction does not drop what merging them needs.
  const doc = new Y.Doc(DOCUMENT_DOC_OPTIONS);
  doc.transact(() => {
    if (log.snapshot) Y.applyUpdate(doc, log.snapshot.state);
    for (const row of log.updates) {
      try {
        Y.applyUpdate(doc, row.update);
      } catch (error) {
        logger().error({ err: error, documentId, rowId: row.id }, "stored update failed to apply");
      }
    }
  });
  return doc;
}

/** A document's Y.Doc rebuilt from its snapshot and update log (the source of truth). The caller destroys it. */
export async function rebuildDocument(db: Executor, documentId: string): Promise<Y.Doc> {
  return documentFromLog(await readDocumentLog(db, documentId), documentId);
}
