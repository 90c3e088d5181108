/**
 * `npm run bench [-- --quick] [-- --only=fan-out,cold-open,memory,thousand]`: starts the real
 * collaboration server as child processes on a fresh database (PGlite in a temporary directory,
 * or a new database on the PostgreSQL server of BENCH_DATABASE_URL), drives it with real
 * socket.io-client connections from this process, and writes bench/results/latest-<db>.{json,md}.
 */
import os from "node:os";
import { createBenchDatabase } from "./bench-database";
import { readTrace } from "./editing-trace";
import { measureColdOpen } from "./measure-cold-open";
import { measureFanOut } from "./measure-fan-out";
import { measureIdleMemory } from "./measure-idle-memory";
import { measureThousandConnections } from "./measure-thousand-connections";
import { prepareDatabase, type SpawnOptions, spawnServer } from "./spawn-server";
import { type BenchResults, machineInfo, writeResults } from "./write-results";

const WORKLOADS = ["fan-out", "cold-open", "memory", "thousand"] as const;
type Workload = (typeof WORKLOADS)[number];

const METHOD =
  "server in its own child process (fresh process per workload, and per cold-open run); " +
  "all clients are real socket.io-client + Yjs clients in the bench process (a second process), " +
  "so client work does not share the server's event loop but does share the machine's 2 cores.";

function log(line: string): void {
  process.stdout.write(`[bench] ${line}\n`);
}

function selectedWorkloads(): Set<Workload> {
  const only = process.argv.find((arg) => arg.startsWith("--only="));
  if (!only) return new Set(WORKLOADS);
  const names = only.slice("--only=".length).split(",");
  const unknown = names.filter((name) => !(WORKLOADS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown workloads: ${unknown.join(", ")}`);
  return new Set(names as Workload[]);
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const workloads = selectedWorkloads();
  // The bench chooses its database before any server configuration exists (like the tests'
  // TEST_DATABASE_URL); server processes get it as DATABASE_URL through server/env.ts.
  const database = await createBenchDatabase(process.env.BENCH_DATABASE_URL || undefined);
  log(`database: ${database.version}`);
  try {
    const spawn: SpawnOptions = { databaseEnv: database.env };
    log("seeding (users, tokens, documents, the automerge-paper trace as update rows, one compaction)…");
    const seed = await prepareDatabase(spawn);
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      database: { kind: database.kind, version: database.version },
      method: METHOD,
      seed: {
        traceRows: seed.traceRows,
        traceRowsSeconds: seed.seedSeconds.traceRows,
        compactionSeconds: seed.seedSeconds.compaction,
      },
    };
    const noteLoad = (workload: Workload) => {
      results.machine.loadAverage.byWorkload[workload] = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
    };
    if (workloads.has("fan-out")) {
      noteLoad("fan-out");
      log("fan-out latency: 50 clients, presence on, 20 edits/s…");
      const server = await spawnServer(spawn);
      try {
        results.fanOut = await measureFanOut({
          url: server.url,
          tokens: seed.tokens,
          documentId: seed.fanOutDocument,
          clients: 50,
          edits: quick ? 60 : 200,
          warmup: 20,
          editsPerSecond: 20,
          presence: true,
        });
      } finally {
        await server.stop();
      }
    }
    if (workloads.has("memory")) {
      noteLoad("memory");
      log("memory per idle connection: 1,000 connections over 100 documents…");
      const server = await spawnServer(spawn);
      try {
        results.idleMemory = await measureIdleMemory({
          server,
          tokens: seed.tokens,
          documents: seed.idleDocuments,
          connections: 1000,
          warmupDocument: seed.fanOutDocument,
        });
      } finally {
        await server.stop();
      }
    }
    if (workloads.has("thousand")) {
      noteLoad("thousand");
      log("1,000 connections in one document, one edit to all…");
      const server = await spawnServer(spawn);
      try {
        results.thousandConnections = await measureThousandConnections({
          server,
          tokens: seed.tokens,
          documentId: seed.thousandDocument,
          connections: 1000,
        });
      } finally {
        await server.stop();
      }
    }
    if (workloads.has("cold-open")) {
      noteLoad("cold-open");
      const runs = quick ? 2 : 5;
      const { endContent } = readTrace();
      const token = seed.tokens[0] ?? "";
      // Keeps the server from compacting the uncompacted document when it loads it, so every run
      // opens the same 260k-row log (in production the first open would compact it afterwards).
      const noCompaction: SpawnOptions = { ...spawn, extraEnv: { COLLAB_COMPACT_BYTES: String(2 ** 40) } };
      log(`cold open of ${seed.traceRows} update rows, ${runs} fresh server processes…`);
      const logRuns = await measureColdOpen({
        spawn: noCompaction,
        token,
        documentId: seed.traceLogDocument,
        endContent,
        runs,
      });
      log("cold open of the compacted snapshot…");
      const snapshotRuns = await measureColdOpen({
        spawn: noCompaction,
        token,
        documentId: seed.traceSnapshotDocument,
        endContent,
        runs,
      });
      results.coldOpen = { log: logRuns, snapshot: snapshotRuns };
    }
    for (const file of writeResults(results)) log(`wrote ${file}`);
  } finally {
    await database.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
