import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentSnapshots, documentUpdates } from "@/db/schema";

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
