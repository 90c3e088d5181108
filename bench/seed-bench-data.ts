import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { documentUpdates } from "@/db/schema";
import { compactDocument } from "@/server/collab/compact-document";
import { createTestDocument } from "@/server/collab/testing/start-collab-test-server";
import { createTestApiToken, createTestUser, createTestWorkspace } from "@/server/testing/factories";

/** What the runner hands the seeding process (the trace history is built once, by the runner). */
export interface BenchSeedInput {
  users: number;
  /** Documents for the memory workload. */
  idleDocuments: number;
  /** Empty documents handed out one per measurement (fan-out cells, throughput, traces…). */
  freshDocuments: number;
  /** The trace history, one update per keystroke transaction (first one creates the paragraph). */
  traceUpdates: Uint8Array[];
  /** The ~1 MB document of the join storm, as one encoded state. */
  joinStormState: Uint8Array;
}

/** What the benchmark workloads run against on our server; sent from the seeding process. */
export interface BenchSeed {
  /** API token secrets of analysts of the workspace (connections use them round-robin). */
  tokens: string[];
  idleDocuments: string[];
  freshDocuments: string[];
  /** The trace as one update row per keystroke transaction. */
  traceLogDocument: string;
  /** The same history, compacted into a snapshot row by the real compaction. */
  traceSnapshotDocument: string;
  /** The join-storm document, stored as a snapshot. */
  joinStormDocument: string;
  traceRows: number;
  /** Seconds spent writing the trace rows and compacting (not a benchmark figure). */
  seedSeconds: { traceRows: number; compaction: number };
}

const INSERT_BATCH = 5000;

/** Creates users, tokens, documents and the stored histories on the (fresh) process database. */
export async function seedBenchData(input: BenchSeedInput): Promise<BenchSeed> {
  const owner = await createTestUser({ name: "Bench Owner" });
  const workspace = await createTestWorkspace(owner, "Benchmark");
  const tokens: string[] = [];
  for (let index = 0; index < input.users; index += 1) {
    const user = await createTestUser({ name: `Bench Analyst ${index + 1}`, workspace, role: "analyst" });
    tokens.push(await createTestApiToken(user, "bench"));
  }
  const createDocuments = async (count: number) => {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) ids.push(await createTestDocument(workspace.id));
    return ids;
  };
  const idleDocuments = await createDocuments(input.idleDocuments);
  const freshDocuments = await createDocuments(input.freshDocuments);
  const [traceLogDocument = "", traceSnapshotDocument = "", joinStormDocument = ""] = await createDocuments(3);
  let started = performance.now();
  await insertUpdates(traceLogDocument, input.traceUpdates);
  // The same rows for the document that gets compacted, copied inside the database.
  await getDatabase().execute(
    sql`insert into ${documentUpdates} ("document_id", "update", "user_id")
        select ${traceSnapshotDocument}, "update", "user_id" from ${documentUpdates}
        where "document_id" = ${traceLogDocument} order by "id"`,
  );
  const traceRowsSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await compactDocument({ documentId: traceSnapshotDocument });
  const compactionSeconds = (performance.now() - started) / 1000;
  await insertUpdates(joinStormDocument, [input.joinStormState]);
  await compactDocument({ documentId: joinStormDocument });
  return {
    tokens,
    idleDocuments,
    freshDocuments,
    traceLogDocument,
    traceSnapshotDocument,
    joinStormDocument,
    traceRows: input.traceUpdates.length,
    seedSeconds: { traceRows: traceRowsSeconds, compaction: compactionSeconds },
  };
}

// Rows go straight into the log, as the group commit would have written them one keystroke at
// a time; replaying 260k updates through a socket would take minutes and measure nothing here.
async function insertUpdates(documentId: string, updates: Uint8Array[]): Promise<void> {
  const db = getDatabase();
  for (let start = 0; start < updates.length; start += INSERT_BATCH) {
    const rows = updates.slice(start, start + INSERT_BATCH).map((update) => ({ documentId, update, userId: null }));
    await db.insert(documentUpdates).values(rows);
  }
}
