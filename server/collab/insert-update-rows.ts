import { and, inArray, lt, sql } from "drizzle-orm";
import { type Database, getDatabase, getDatabaseHandle } from "@/db/client";
import { assessmentAuthors, assessments, documentUpdates } from "@/db/schema";

/** One accepted update on its way to `document_updates`. */
export interface UpdateRow {
  documentId: string;
  update: Uint8Array;
  /** The sender; null for updates without a user (none today, kept for imports and bots). */
  userId: string | null;
}

/** Writes a batch of updates; returns the new row ids with their documents. */
export type InsertUpdateRows = (rows: UpdateRow[]) => Promise<{ id: number; documentId: string }[]>;

/** Authors this process has recorded (`documentId:userId`), so a typing author costs no statement. */
const recordedAuthors = new Set<string>();
/**
 * When this process last tried to move each document's "updated" time (no statement for a minute
 * after). A try that moved nothing counts too: the time was under a minute old (a new document, or
 * one another process just moved), and trying again at every batch of that minute would make each
 * one a transaction. The time then lags the last edit by at most about two minutes.
 */
const touchedAt = new Map<string, number>();
const TOUCH_INTERVAL_MS = 60_000;
/** Bounds both memory caches; past it they start again empty (one more statement each). */
const CACHE_LIMIT = 50_000;

/**
 * The production writer: one commit per batch, so a burst of keystrokes from many documents
 * costs one commit (group commit). With the rows, each sender becomes an author of the assessment
 * and its "updated" time moves (at most once a minute), in one transaction, so the list shows who
 * wrote and when. Both are remembered per process once committed: while people type, a batch is
 * usually the INSERT alone, a statement without BEGIN and COMMIT.
 */
export const insertUpdateRows: InsertUpdateRows = async (rows) => {
  const now = Date.now();
  const authors = new Map<string, { assessmentId: string; userId: string }>();
  for (const row of rows) {
    const key = `${row.documentId}:${row.userId}`;
    if (row.userId && !recordedAuthors.has(key)) authors.set(key, { assessmentId: row.documentId, userId: row.userId });
  }
  const touched = [...new Set(rows.map((row) => row.documentId))].filter(
    (documentId) => now - (touchedAt.get(documentId) ?? 0) >= TOUCH_INTERVAL_MS,
  );
  const insertRows = (db: Pick<Database, "insert">) =>
    db
      .insert(documentUpdates)
      .values(rows)
      .returning({ id: documentUpdates.id, documentId: documentUpdates.documentId });
  // The usual batch while people type: one statement, atomic on its own, in one round trip
  // (a transaction would add BEGIN and COMMIT, each a round trip on the event loop).
  if (authors.size === 0 && touched.length === 0) return await appendRows(rows);
  const ids = await getDatabase().transaction(async (tx) => {
    const inserted = await insertRows(tx);
    if (authors.size > 0)
      await tx
        .insert(assessmentAuthors)
        .values([...authors.values()])
        .onConflictDoNothing();
    // At most once a minute per document: a batch commits every few milliseconds while people
    // type, and rewriting the assessment row each time would add a row write to every commit.
    if (touched.length > 0)
      await tx
        .update(assessments)
        .set({ updatedAt: sql`now()` })
        .where(and(inArray(assessments.id, touched), lt(assessments.updatedAt, sql`now() - interval '1 minute'`)));
    return inserted;
  });
  if (recordedAuthors.size + authors.size > CACHE_LIMIT) recordedAuthors.clear();
  for (const key of authors.keys()) recordedAuthors.add(key);
  if (touchedAt.size + touched.length > CACHE_LIMIT) touchedAt.clear();
  for (const documentId of touched) touchedAt.set(documentId, now);
  return ids;
};

/**
 * The rows as one prepared INSERT whose text does not depend on their number: the columns travel
 * as three arrays (update bytes as hex) and `unnest` turns them back into rows. Built through
 * Drizzle, every batch cost its query building (about 10 % of the server's busy time in profiles
 * of the throughput bench) and, on postgres-js, an unprepared statement: a describe round trip
 * before each execution.
 */
async function appendRows(rows: UpdateRow[]): Promise<{ id: number; documentId: string }[]> {
  const inserted = await getDatabaseHandle().queryPrepared(APPEND_ROWS_SQL, [
    rows.map((row) => row.documentId),
    rows.map((row) => Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength).toString("hex")),
    rows.map((row) => row.userId),
  ]);
  return inserted.map((row) => ({ id: Number(row.id), documentId: String(row.document_id) }));
}

const APPEND_ROWS_SQL = `insert into document_updates (document_id, "update", user_id)
select document_id, decode(update_hex, 'hex'), user_id
from unnest($1::uuid[], $2::text[], $3::uuid[]) as batch(document_id, update_hex, user_id)
returning id, document_id`;

/**
 * Whether an error means "these rows can never be written" (SQLSTATE class 22 data exception or
 * 23 integrity violation, e.g. the document was deleted) rather than "the database is away".
 * Retrying the former forever would block every other document's saves.
 */
export function isPermanentWriteError(error: unknown): boolean {
  const code = sqlState(error);
  return code !== undefined && (code.startsWith("22") || code.startsWith("23"));
}

/** The SQLSTATE of a driver error, looking through Drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
