import { AppError } from "@/lib/errors";
import type { Actor } from "../auth/actor";
import { env } from "../env";

const WINDOW_MS = 60_000;

export interface ApiRequestLimiterOptions {
  /** Requests one caller may make per minute (and in one burst); 0 turns the limit off. */
  perMinute: number;
  /** Milliseconds on a monotonic clock; tests pass their own to move time without sleeping. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * Token buckets per caller, held in this process's memory: `perMinute` tokens refill evenly over
 * a minute up to `perMinute`, so a caller may burst a minute's allowance and then sustain the
 * rate. Per process on purpose: no table write on every API call and no Redis requirement. With
 * N processes behind a load balancer a caller gets up to N times the allowance, which still
 * bounds a runaway script, the limit's purpose.
 */
export class ApiRequestLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private sweptAt: number;

  constructor(private readonly options: ApiRequestLimiterOptions) {
    this.now = options.now ?? (() => performance.now());
    this.sweptAt = this.now();
  }

  /** Spends one request of `key`'s allowance: 0 when allowed, else whole seconds until one is available. */
  take(key: string): number {
    const { perMinute } = this.options;
    if (perMinute <= 0) return 0;
    const now = this.now();
    this.sweep(now);
    const perMs = perMinute / WINDOW_MS;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, refilledAt: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.refilledAt) * perMs);
    bucket.refilledAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  /** Callers being tracked (full buckets are forgotten within about a minute). */
  get size(): number {
    return this.buckets.size;
  }

  // A bucket idle for a whole window is full again, the same as no bucket: dropping those keeps
  // memory proportional to the callers of the last minute, not to every token ever seen.
  private sweep(now: number): void {
    if (now - this.sweptAt < WINDOW_MS) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.refilledAt >= WINDOW_MS) this.buckets.delete(key);
    }
  }
}

// On globalThis, like env(): Next may evaluate this module once per route bundle, and the
// allowance must be one per process, not one per route.
const globalForLimiter = globalThis as typeof globalThis & { __parallaxApiLimiter?: ApiRequestLimiter };

function currentLimiter(): ApiRequestLimiter {
  globalForLimiter.__parallaxApiLimiter ??= new ApiRequestLimiter({ perMinute: env().API_REQUESTS_PER_MINUTE });
  return globalForLimiter.__parallaxApiLimiter;
}

/** Replaces this process's limiter (tests); without an argument the next call builds one from env. */
export function replaceApiRequestLimiter(next?: ApiRequestLimiter): void {
  globalForLimiter.__parallaxApiLimiter = next;
}

/** The caller whose allowance a request spends: each API token apart, a session by its user. */
export function rateLimitKey(actor: Actor): string | null {
  if (actor.via === "token" && actor.tokenId) return `token:${actor.tokenId}`;
  if (actor.via === "session") return `user:${actor.id}`;
  return null;
}

/**
 * Counts one API request of `actor` and refuses it (429 `rate_limited:api`, with Retry-After)
 * once the caller used up its allowance (API_REQUESTS_PER_MINUTE). Called before the handler
 * runs, so a refused request changes nothing.
 */
export function limitApiRequests(actor: Actor): void {
  const key = rateLimitKey(actor);
  if (!key) return;
  const wait = currentLimiter().take(key);
  if (wait === 0) return;
  const who = actor.via === "token" ? "this API token" : "your account";
  throw new AppError(
    "rate_limited:api",
    `Too many API requests from ${who}. Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
    { retryAfterSeconds: wait },
  );
}
