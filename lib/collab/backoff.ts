/** Bounds of a retry schedule. */
export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds. */
  minMs: number;
  /** Longest delay between retries, in milliseconds. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { minMs: 500, maxMs: 15_000 };

/**
 * The delay before retry number `attempt` (0-based): exponential growth capped at `maxMs`, with
 * "equal jitter" (half fixed, half random). The jitter matters when a server restarts: every
 * tab lost its connection at the same instant, and without it they would all reconnect, and
 * resync, in the same instant too.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.minMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A retry timer: `schedule` waits the next backoff delay, `reset` starts the schedule over. */
export class Backoff {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

  /** Runs `task` after the next delay, replacing a retry already scheduled. */
  schedule(task: () => void): void {
    this.cancel();
    const delay = backoffDelay(this.attempt, this.options);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      task();
    }, delay);
  }

  /** Whether a retry is waiting. */
  get isScheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Cancels a scheduled retry and starts the schedule over: the last attempt worked. */
  reset(): void {
    this.cancel();
    this.attempt = 0;
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
