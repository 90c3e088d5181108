import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRefreshScheduler, MERGED_REFRESH_DELAY_MS, PROMPT_REFRESH_INTERVAL_MS } from "./refresh-scheduler";

describe("page refreshes", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("refresh at once for a deliberate change, and a flood of them once per interval", () => {
    const refresh = vi.fn();
    const scheduler = createRefreshScheduler(refresh);
    scheduler.soon();
    expect(refresh).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i += 1) scheduler.soon();
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PROMPT_REFRESH_INTERVAL_MS);
    expect(refresh).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10 * PROMPT_REFRESH_INTERVAL_MS);
    expect(refresh).toHaveBeenCalledTimes(2);
    // Spaced like a reviewer's verdicts (1.5 s apart), each shows at once.
    scheduler.soon();
    expect(refresh).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(1500);
    scheduler.soon();
    expect(refresh).toHaveBeenCalledTimes(4);
  });

  it("merge a burst of saves into one refresh, which a deliberate change brings forward", () => {
    const refresh = vi.fn();
    const scheduler = createRefreshScheduler(refresh);
    scheduler.later();
    vi.advanceTimersByTime(MERGED_REFRESH_DELAY_MS - 1);
    scheduler.later();
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(PROMPT_REFRESH_INTERVAL_MS);
    scheduler.later();
    scheduler.soon();
    expect(refresh).toHaveBeenCalledTimes(2);
    // The waiting merged refresh was served by the prompt one.
    vi.advanceTimersByTime(2 * MERGED_REFRESH_DELAY_MS);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("drop a refresh still waiting when cancelled", () => {
    const refresh = vi.fn();
    const scheduler = createRefreshScheduler(refresh);
    scheduler.later();
    scheduler.cancel();
    vi.advanceTimersByTime(2 * MERGED_REFRESH_DELAY_MS);
    expect(refresh).not.toHaveBeenCalled();
  });
});
