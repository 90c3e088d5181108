import os from "node:os";
import type { PeerId, Workload } from "./bench-options";
import type { ColdOpenResult } from "./measure-cold-open";
import type { ConcurrentReplayResult } from "./measure-concurrent-trace";
import type { FanOutResult } from "./measure-fan-out";
import type { IdleMemoryResult } from "./measure-idle-memory";
import type { JoinStormResult } from "./measure-join-storm";
import type { KeystrokeReplayResult } from "./measure-keystroke-replay";
import type { ThousandResult } from "./measure-thousand-connections";
import type { ThroughputResult } from "./measure-throughput";

/** Median percentiles over the repetitions of one cell. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface FanOutCell {
  peer: PeerId;
  clients: number;
  presence: boolean;
  runs: FanOutResult[];
  median: Percentiles;
}

export interface ThroughputCell {
  peer: PeerId;
  writers: number;
  result: ThroughputResult;
}

export interface ColdOpenCell {
  peer: PeerId;
  /** `log`: one stored update per keystroke transaction; `snapshot`: one compacted state. */
  stored: "log" | "snapshot";
  result: ColdOpenResult;
}

export interface JoinStormCell {
  peer: PeerId;
  runs: JoinStormResult[];
  median: { p50: number; p95: number };
}

/** Everything one run measured; written as bench/results/<date>.json. */
export interface BenchResults {
  date: string;
  quick: boolean;
  /** Only some workloads or peers (`--only`, `--peers`). */
  partial?: boolean;
  durationSeconds?: number;
  /** Repetitions, sizes and what was selected. */
  options: Record<string, unknown>;
  machine: {
    cpuModel: string;
    cores: number;
    memoryBytes: number;
    platform: string;
    node: string;
    /** 1-minute load average at start, end and before each workload: above the core count the machine was oversubscribed. */
    loadAverage: { start: number; end?: number; byWorkload: Partial<Record<Workload, number>> };
  };
  versions: Record<string, string>;
  preparationSeconds: Record<string, number>;
  peers: { id: PeerId; label: string; protocol: string; ours: boolean; config: Record<string, unknown> }[];
  fanOut?: FanOutCell[];
  throughput?: ThroughputCell[];
  /** Throughput of ours with persistence off (the persisted figures are in `throughput`). */
  durability?: ThroughputCell[];
  traces?: {
    keystrokes: { peer: PeerId; result: KeystrokeReplayResult }[];
    concurrent: { peer: PeerId; result: ConcurrentReplayResult }[];
  };
  coldOpen?: ColdOpenCell[];
  joinStorm?: JoinStormCell[];
  memory?: MemoryCell[];
  scaleOut?: { redis: string; singleProcess: FanOutResult; twoProcesses: FanOutResult };
  thousand?: { peer: PeerId; result: ThousandResult }[];
  /** What was not measured and why (a peer that cannot do a workload, Redis unreachable…). */
  notes: string[];
  /** Failures (a workload that threw for a peer); the other figures are still valid. */
  errors: { workload: Workload; peer: PeerId | "-"; message: string }[];
}

/**
 * Idle memory of one peer: a fresh process per repetition; each figure is the median over the
 * runs (RSS after GC moves by several KB per connection between runs of the same code).
 */
export interface MemoryCell {
  peer: PeerId;
  runs: IdleMemoryResult[];
  median: {
    perConnectionBytes: { rss: number; heap: number };
    perDocumentBytes: { rss: number; heap: number };
  };
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
    loadAverage: { start: loadAverage(), byWorkload: {} },
  };
}

/** The 1-minute load average, two decimals. */
export function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}
