import postgres from "postgres";

/** Hocuspocus 4.7.0's defaults, which the bench keeps (recorded with the results). */
export const HOCUSPOCUS_DEFAULTS = {
  /** ms after the last change before `onStoreDocument` runs. */
  debounce: 2000,
  /** ms after the first pending change by which it runs anyway, while people keep typing. */
  maxDebounce: 10_000,
  /** Connections that send nothing for this long are closed. */
  timeout: 60_000,
  unloadImmediately: true,
  /** Broadcasts are coalesced within one event-loop turn (setImmediate). */
  flushDelay: 0,
} as const;

/** Names of the documents stored for Hocuspocus before the run. */
export const HOCUSPOCUS_DOCUMENTS = { traceSnapshot: "automerge-paper", joinStorm: "join-storm" } as const;

/**
 * Creates the table the Database extension reads and writes (one row per document holding its
 * whole encoded state, which is what the extension stores) and stores `documents` in it.
 */
export async function seedHocuspocusDatabase(url: string, documents: Record<string, Uint8Array>): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`create table hocuspocus_documents (name text primary key, data bytea not null, updated_at timestamptz not null default now())`;
    for (const [name, state] of Object.entries(documents)) {
      await sql`insert into hocuspocus_documents (name, data) values (${name}, ${Buffer.from(state)})`;
    }
  } finally {
    await sql.end();
  }
}
