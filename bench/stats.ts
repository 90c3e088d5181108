import { performance } from "node:perf_hooks";

/** Summary of a sample of durations in milliseconds. */
export interface Distribution {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles (no interpolation: every reported figure is a measured sample). */
export function summarize(values: number[]): Distribution {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    samples: sorted.length,
    p50: round(rank(0.5)),
    p95: round(rank(0.95)),
    p99: round(rank(0.99)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.length ? total / sorted.length : 0),
  };
}

/** The median of a few runs. */
export function median(values: number[]): number {
  return summarize(values).p50;
}

/** Three decimals: microseconds are the most a millisecond clock here can claim. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Resolves at `at` (a `performance.now()` time) or at once if that has passed. */
export function sleepUntil(at: number, now: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - now)));
}

/** Rejects when `promise` has not settled after `ms`, naming `what`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `condition` every `intervalMs` until it holds; rejects after `ms`, naming `what`. */
export async function waitUntil(condition: () => boolean, ms: number, what: string, intervalMs = 5): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Lets pending I/O callbacks run (a long synchronous loop would otherwise starve the sockets). */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Percentage of one core used between two `cpuUsage()` readings over `elapsedMs`. */
export function cpuPercent(
  before: { user: number; system: number },
  after: { user: number; system: number },
  elapsedMs: number,
): number {
  const usedMs = (after.user - before.user + after.system - before.system) / 1000;
  return Math.round((usedMs / elapsedMs) * 1000) / 10;
}
