/**
 * `npm run bench [-- --quick] [-- --only=fan-out,…] [-- --peers=…] [-- --repetitions=n]`: starts
 * our collaboration server (PGlite and PostgreSQL), Hocuspocus and the y-websocket server, each
 * in its own child process, drives them with the same simulated clients (real Yjs documents, a
 * thin adapter per protocol) from this process, and writes bench/results/<date>.{json,md,svg}.
 * Bench databases are created on the local PostgreSQL (BENCH_DATABASE_URL) and dropped at the end.
 */
import { performance } from "node:perf_hooks";
import { benchSizes, parseBenchOptions, type Workload } from "./bench-options";
import { type BenchResults, loadAverage, machineInfo } from "./bench-results";
import { preparePeers } from "./prepare-peers";
import { runColdOpen, runJoinStorm, runMemory, runThousand, runTraces } from "./run-document-workloads";
import { runDurability, runFanOut, runScaleOut, runThroughput } from "./run-latency-workloads";
import type { WorkloadContext } from "./workload-context";
import { writeResults } from "./write-results";

const RUNNERS: Record<Workload, (context: WorkloadContext) => Promise<void>> = {
  "fan-out": runFanOut,
  throughput: runThroughput,
  durability: runDurability,
  traces: runTraces,
  "cold-open": runColdOpen,
  "join-storm": runJoinStorm,
  memory: runMemory,
  "scale-out": runScaleOut,
  thousand: runThousand,
};

function log(line: string): void {
  process.stdout.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

async function main(): Promise<number> {
  const started = performance.now();
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const sizes = benchSizes(options.quick);
  if (options.fanOutClients) sizes.fanOut.clients = options.fanOutClients;
  const machine = machineInfo();
  log(
    `${options.quick ? "quick" : "full"} run: ${[...options.workloads].join(", ")} on ${[...options.peers].join(", ")}`,
  );
  const prepared = await preparePeers(options, sizes, log);
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick: options.quick,
    partial: options.partial,
    options: { workloads: [...options.workloads], repetitions: options.repetitions, sizes },
    machine,
    versions: prepared.versions,
    preparationSeconds: prepared.preparationSeconds,
    peers: prepared.peers.map(({ id, label, protocol, ours, config }) => ({ id, label, protocol, ours, config })),
    notes: [],
    errors: [],
  };
  const context: WorkloadContext = { options, sizes, peers: prepared.peers, stored: prepared.stored, results, log };
  try {
    for (const workload of Object.keys(RUNNERS) as Workload[]) {
      if (!options.workloads.has(workload)) continue;
      results.machine.loadAverage.byWorkload[workload] = loadAverage();
      await RUNNERS[workload](context);
    }
  } finally {
    await prepared.dispose();
  }
  results.machine.loadAverage.end = loadAverage();
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  for (const file of writeResults(results)) log(`wrote ${file}`);
  for (const error of results.errors) log(`ERROR ${error.workload} ${error.peer}: ${error.message}`);
  return results.errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
