import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ColdOpenResult } from "./measure-cold-open";
import type { FanOutResult } from "./measure-fan-out";
import type { IdleMemoryResult } from "./measure-idle-memory";
import type { ThousandResult } from "./measure-thousand-connections";

export interface BenchResults {
  date: string;
  machine: {
    cpuModel: string;
    cores: number;
    memoryBytes: number;
    platform: string;
    node: string;
    /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
    loadAverage: { start: number; end?: number; byWorkload: Record<string, number> };
  };
  database: { kind: "pglite" | "postgres"; version: string };
  /** Where clients ran relative to the server. */
  method: string;
  seed: { traceRows: number; traceRowsSeconds: number; compactionSeconds: number };
  fanOut?: FanOutResult;
  coldOpen?: { log: ColdOpenResult; snapshot: ColdOpenResult };
  idleMemory?: IdleMemoryResult;
  thousandConnections?: ThousandResult;
}

/** This machine, as the results record it. */
export function machineInfo(): BenchResults["machine"] {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: { start: round2(os.loadavg()[0] ?? 0), byWorkload: {} },
  };
}

/** Writes `latest-<database>.json` and `.md` under bench/results; returns their paths. */
export function writeResults(results: BenchResults): string[] {
  results.machine.loadAverage.end = round2(os.loadavg()[0] ?? 0);
  const directory = path.join(import.meta.dirname, "results");
  mkdirSync(directory, { recursive: true });
  const base = path.join(directory, `latest-${results.database.kind}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${base}.md`, renderMarkdown(results));
  return [`${base}.json`, `${base}.md`];
}

const KB = 1024;

function renderMarkdown(results: BenchResults): string {
  const { machine, fanOut, coldOpen, idleMemory, thousandConnections: thousand } = results;
  const rows: string[][] = [];
  if (fanOut) {
    const { latencyMs: l } = fanOut;
    rows.push([
      `Fan-out, ${fanOut.clients} clients, ${fanOut.editsPerSecond} edits/s, presence ${fanOut.presence ? "on" : "off"}`,
      "p99 ≤ 10 ms",
      `p50 ${l.p50} · p95 ${l.p95} · **p99 ${l.p99}** · max ${l.max} ms (${l.samples} samples)`,
    ]);
    rows.push([
      "Same edits, first receiver to apply each (least client-side queueing)",
      "—",
      `p50 ${fanOut.firstReceiverMs.p50} · p99 ${fanOut.firstReceiverMs.p99} ms`,
    ]);
    rows.push([
      "Writer's ack (commit) for the same edits",
      "—",
      `p50 ${fanOut.writerAckMs.p50} · p99 ${fanOut.writerAckMs.p99} ms`,
    ]);
  }
  if (coldOpen) {
    const { log, snapshot } = coldOpen;
    rows.push([
      `Cold open, ${results.seed.traceRows.toLocaleString("en")} update rows`,
      "≤ 300 ms",
      `**${log.medianMs} ms** median of ${log.runs} (runs: ${log.runMs.join(", ")})`,
    ]);
    rows.push([
      "Cold open, same document compacted into a snapshot",
      "≤ 300 ms",
      `**${snapshot.medianMs} ms** median of ${snapshot.runs} (runs: ${snapshot.runMs.join(", ")})`,
    ]);
  }
  if (idleMemory) {
    const m = idleMemory;
    rows.push([
      `Memory per idle connection (${m.connections} over ${m.documents} documents)`,
      "≤ 30 KB",
      `**RSS ${kb(m.perConnectionBytes.rss)}** · heap ${kb(m.perConnectionBytes.heap)} per extra connection; ` +
        `RSS ${kb(m.perConnectionInclDocumentsBytes.rss)} · heap ${kb(m.perConnectionInclDocumentsBytes.heap)} incl. documents`,
    ]);
  }
  if (thousand) {
    const t = thousand;
    rows.push([
      `${t.connections} connections in one process and document`,
      `${t.connections} connections`,
      `${t.joined}/${t.connections} joined, edit reached ${t.reached}; **full fan-out ${t.fullFanOutMs} ms** ` +
        `(p50 ${t.editLatencyMs.p50} ms); connect ${t.connectAllMs} ms, join ${t.joinAllMs} ms`,
    ]);
  }
  const table = [
    "| figure | target | measured |",
    "| --- | --- | --- |",
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ];
  return [
    `# Parallax collaboration server — ${results.database.version}`,
    "",
    `${results.date} · ${machine.cpuModel}, ${machine.cores} cores, ${Math.round(machine.memoryBytes / KB ** 3)} GiB · ` +
      `Node ${machine.node} · ${machine.platform} · load average ${machine.loadAverage.start} at start, ` +
      `${machine.loadAverage.end} at end (per workload: ${JSON.stringify(machine.loadAverage.byWorkload)})`,
    "",
    `Method: ${results.method}`,
    "",
    ...table,
    "",
    "Raw figures: the JSON file beside this one. Method and limits: [bench/README.md](../README.md).",
    "",
  ].join("\n");
}

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
