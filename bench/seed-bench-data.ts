import { performance } from "node:perf_hooks";
import { getDatabase } from "@/db/client";
import { documentUpdates } from "@/db/schema";
import { compactDocument } from "@/server/collab/compact-document";
import { createTestDocument } from "@/server/collab/testing/start-collab-test-server";
import { createTestApiToken, createTestUser, createTestWorkspace } from "@/server/testing/factories";
import { buildTraceUpdates } from "./editing-trace";

/** What the benchmark workloads run against; sent from the server process to the bench runner. */
export interface BenchSeed {
  /** API token secrets of analysts of the workspace (connections use them round-robin). */
  tokens: string[];
  fanOutDocument: string;
  thousandDocument: string;
  idleDocuments: string[];
  /** The automerge-paper trace as one update row per keystroke transaction. */
  traceLogDocument: string;
  /** The same history, compacted into a snapshot row by the real compaction. */
  traceSnapshotDocument: string;
  traceRows: number;
  /** Seconds spent writing the trace rows and compacting (not a benchmark figure). */
  seedSeconds: { traceRows: number; compaction: number };
}

const INSERT_BATCH = 5000;

/** Creates users, tokens, documents and the trace history on the (fresh) process database. */
export async function seedBenchData(options: { users: number; idleDocuments: number }): Promise<BenchSeed> {
  const owner = await createTestUser({ name: "Bench Owner" });
  const workspace = await createTestWorkspace(owner, "Benchmark");
  const tokens: string[] = [];
  for (let index = 0; index < options.users; index += 1) {
    const user = await createTestUser({ name: `Bench Analyst ${index + 1}`, workspace, role: "analyst" });
    tokens.push(await createTestApiToken(user, "bench"));
  }
  const idleDocuments: string[] = [];
  for (let index = 0; index < options.idleDocuments; index += 1) {
    idleDocuments.push(await createTestDocument(workspace.id));
  }
  const traceLogDocument = await createTestDocument(workspace.id);
  const traceSnapshotDocument = await createTestDocument(workspace.id);
  const trace = buildTraceUpdates();
  let started = performance.now();
  for (const documentId of [traceLogDocument, traceSnapshotDocument]) {
    await insertUpdates(documentId, trace.updates);
  }
  const traceRowsSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await compactDocument({ documentId: traceSnapshotDocument });
  return {
    tokens,
    fanOutDocument: await createTestDocument(workspace.id),
    thousandDocument: await createTestDocument(workspace.id),
    idleDocuments,
    traceLogDocument,
    traceSnapshotDocument,
    traceRows: trace.updates.length,
    seedSeconds: { traceRows: traceRowsSeconds, compaction: (performance.now() - started) / 1000 },
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
