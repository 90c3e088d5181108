/** Prompt refreshes come at most this often (ms): a verdict shows at once, a flood of them once a second. */
export const PROMPT_REFRESH_INTERVAL_MS = 1000;
/** How long a burst of saves is gathered before one refresh (ms): judgements save every couple of seconds while typed. */
export const MERGED_REFRESH_DELAY_MS = 3000;

/** Two ways to ask for a refresh, served by one timer. */
export interface RefreshScheduler {
  /**
   * For a discrete change someone made (a verdict, a thread resolved, a status change): refreshes
   * now, or, when a refresh was made less than `PROMPT_REFRESH_INTERVAL_MS` ago, once at the end
   * of that interval for everything asked meanwhile.
   */
  soon: () => void;
  /** For changes that come in bursts (saves while someone types): one refresh a few seconds after the first. */
  later: () => void;
  /** Drops a refresh still waiting (the page is going away). */
  cancel: () => void;
}

/**
 * Calls `refresh` for both kinds of change on one timer, so a prompt refresh also serves every
 * slower one already waiting and nothing is refreshed twice for the same moment.
 */
export function createRefreshScheduler(refresh: () => void): RefreshScheduler {
  let lastAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Number.POSITIVE_INFINITY;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    dueAt = Number.POSITIVE_INFINITY;
  };
  const run = () => {
    cancel();
    lastAt = Date.now();
    refresh();
  };
  /** Refreshes in `delay` ms unless a refresh is already due sooner. */
  const schedule = (delay: number) => {
    const at = Date.now() + delay;
    if (timer !== undefined && dueAt <= at) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
    dueAt = at;
  };
  return {
    soon: () => {
      const wait = lastAt + PROMPT_REFRESH_INTERVAL_MS - Date.now();
      if (wait <= 0) run();
      else schedule(wait);
    },
    later: () => schedule(MERGED_REFRESH_DELAY_MS),
    cancel,
  };
}
