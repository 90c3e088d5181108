import type { ServerMemory } from "../peer-ipc";
import { type Distribution, round, summarize } from "../stats";

/** A stretch of the run the table reports as one row: the warm-up, then minute after minute. */
export interface SoakWindow {
  label: string;
  /** Milliseconds since the clients started typing. */
  from: number;
  to: number;
  warmup: boolean;
}

/** One server memory reading (after two full GCs), `at` ms since typing started. */
export interface MemorySample extends ServerMemory {
  at: number;
}

/** What the run measured in one window. */
export interface WindowFigures {
  window: SoakWindow;
  keystrokes: number;
  /** Edit sent → the server's ack (committed to the database): the round trip. */
  roundTripMs: Distribution;
  /** Edit made → each other client in the document applied it (samples by arrival time). */
  deliveryMs: Distribution;
  /** Server memory, median of the window's readings: RSS and heap used + external. */
  rssBytes: number;
  heapExternalBytes: number;
  /** Server CPU, % of one core; bench (clients) process CPU likewise. */
  serverCpuPercent: number;
  clientCpuPercent: number;
  loadAverage: number;
}

/** Warm-up = 20 % of the run, at most 2 minutes; then one window per minute (a short tail joins the last). */
export function soakWindows(durationMs: number): SoakWindow[] {
  const warmup = Math.min(120_000, Math.round(durationMs * 0.2));
  const windows: SoakWindow[] = [{ label: "warm-up", from: 0, to: warmup, warmup: true }];
  for (let from = warmup; from < durationMs; from += 60_000) {
    const to = Math.min(durationMs, from + 60_000);
    const last = windows.at(-1);
    if (to - from < 30_000 && last && !last.warmup) last.to = to;
    else windows.push({ label: `minute ${windows.length}`, from, to, warmup: false });
  }
  return windows;
}

/** Median of the readings taken inside `window`. */
export function medianMemory(
  samples: MemorySample[],
  window: SoakWindow,
  pick: (sample: MemorySample) => number,
): number {
  const inside = samples.filter((sample) => sample.at >= window.from && sample.at < window.to).map(pick);
  return summarize(inside).p50;
}

export interface SoakVerdict {
  passed: boolean;
  /** Each failed condition, in words. */
  failures: string[];
  rssGrowthPercent: number;
  heapExternalGrowthPercent: number;
  /** p95 round trip of the last minute ÷ that of the first minute after warm-up. */
  roundTripP95Ratio: number;
  deliveryP95Ratio: number;
  errors: number;
}

/**
 * The soak passes when server memory (RSS and heap + external alike) grew less than 10 % from
 * the first minute after warm-up to the last, nothing failed, and the last minute's p95 round
 * trip is at most twice the first post-warm-up minute's.
 */
export function judgeSoak(figures: WindowFigures[], errors: number): SoakVerdict {
  const measured = figures.filter((entry) => !entry.window.warmup);
  const first = measured[0];
  const last = measured.at(-1);
  const growth = (pick: (entry: WindowFigures) => number) =>
    first && last && pick(first) > 0 ? round(((pick(last) - pick(first)) / pick(first)) * 100) : 0;
  const ratio = (pick: (entry: WindowFigures) => number) =>
    first && last && pick(first) > 0 ? round(pick(last) / pick(first)) : 0;
  const verdict: SoakVerdict = {
    passed: true,
    failures: [],
    rssGrowthPercent: growth((entry) => entry.rssBytes),
    heapExternalGrowthPercent: growth((entry) => entry.heapExternalBytes),
    roundTripP95Ratio: ratio((entry) => entry.roundTripMs.p95),
    deliveryP95Ratio: ratio((entry) => entry.deliveryMs.p95),
    errors,
  };
  if (!first || !last || first.roundTripMs.samples === 0) verdict.failures.push("no edits measured after warm-up");
  if (verdict.rssGrowthPercent >= 10) verdict.failures.push(`server RSS grew ${verdict.rssGrowthPercent} %`);
  if (verdict.heapExternalGrowthPercent >= 10) {
    verdict.failures.push(`server heap + external grew ${verdict.heapExternalGrowthPercent} %`);
  }
  if (verdict.roundTripP95Ratio > 2) {
    verdict.failures.push(`p95 round trip of the last minute is ${verdict.roundTripP95Ratio}× the first's`);
  }
  if (errors > 0) verdict.failures.push(`${errors} error(s)`);
  verdict.passed = verdict.failures.length === 0;
  return verdict;
}

const MB = 1024 * 1024;

/** The per-window table, fixed-width, for the terminal. */
export function renderSoakTable(figures: WindowFigures[]): string {
  const header = [
    "window",
    "time",
    "edits",
    "rt p50",
    "rt p95",
    "rt p99",
    "dl p50",
    "dl p95",
    "dl p99",
    "RSS MB",
    "heap+ext MB",
    "srv CPU%",
    "cli CPU%",
    "load",
  ];
  const clock = (ms: number) => {
    const seconds = Math.round(ms / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  };
  const rows = figures.map((entry) => [
    entry.window.label,
    `${clock(entry.window.from)}–${clock(entry.window.to)}`,
    String(entry.keystrokes),
    ...[entry.roundTripMs, entry.deliveryMs].flatMap((d) => [d.p50, d.p95, d.p99].map((v) => v.toFixed(1))),
    (entry.rssBytes / MB).toFixed(1),
    (entry.heapExternalBytes / MB).toFixed(1),
    entry.serverCpuPercent.toFixed(1),
    entry.clientCpuPercent.toFixed(1),
    entry.loadAverage.toFixed(2),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
