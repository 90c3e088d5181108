import type { ForecastOutcome } from "./forecast-scoring";

/**
 * Resolve-by days are calendar days in UTC, the same for everyone: a forecast resolving on
 * 2026-12-31 is due from 2027-01-01, wherever its reader is.
 */

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The day after `day` (YYYY-MM-DD): the first day on which a forecast resolving on `day` is due. */
export function dayAfter(day: string): string {
  return todayUtc(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));
}

/** How far ahead a forecast may resolve: a resolve-by day decades away is a typo, not a forecast anyone will score. */
export const MAX_FORECAST_YEARS = 50;

/** The last resolve-by day allowed today: the same day {@link MAX_FORECAST_YEARS} years on. */
export function latestResolveBy(today: string = todayUtc()): string {
  return `${String(Number(today.slice(0, 4)) + MAX_FORECAST_YEARS).padStart(4, "0")}${today.slice(4)}`;
}

/** Whether the resolve-by day has passed, so that "did not happen" is known. */
export function isPastResolveBy(resolveBy: string, today: string = todayUtc()): boolean {
  return resolveBy < today;
}

/**
 * Whether an outcome may be recorded now. A forecast says "by the resolve-by day": "happened" is
 * known as soon as the criterion is met, an annulment at any time, but "did not happen" only once
 * the day has passed, since it could still happen on the last day.
 */
export function canRecordOutcome(outcome: ForecastOutcome, resolveBy: string, today: string = todayUtc()): boolean {
  return outcome !== "did_not_happen" || isPastResolveBy(resolveBy, today);
}
