import { sql } from "drizzle-orm";
import { getDatabase, getDatabaseHandle, type Transaction } from "@/db/client";

// Tail of the chain of lock holders per document in this process.
const localTails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` in a transaction that holds the document's lock. On PostgreSQL that is a
 * transaction-level advisory lock, so compactions on different processes take turns; PGlite
 * lives inside this one process, where the local mutex below is all that is needed. Appends
 * never take this lock, so saving keystrokes is never delayed by a compaction.
 */
export async function withDocumentLock<T>(documentId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return runExclusive(documentId, () =>
    getDatabase().transaction(async (tx) => {
      if (getDatabaseHandle().kind === "postgres") {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`parallax:document:${documentId}`}, 0))`);
      }
      return work(tx);
    }),
  );
}

/** A per-key async mutex: each caller waits for the previous holder of the same key. */
async function runExclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = localTails.get(key) ?? Promise.resolve();
  const current = previous.catch(() => {}).then(work);
  const tail = current.catch(() => {});
  localTails.set(key, tail);
  try {
    return await current;
  } finally {
    if (localTails.get(key) === tail) localTails.delete(key);
  }
}
