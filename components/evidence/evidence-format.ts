import type { ObservationDto } from "@/lib/schemas/evidence";

// Dates of the library are calendar days without a time zone; formatting them in UTC keeps
// "2024-04-01" from showing as 31 March for an analyst west of Greenwich.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const YEAR = new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "UTC" });

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A calendar day `YYYY-MM-DD` as "5 Oct 2023". */
export function formatDay(day: string): string {
  return DAY.format(utc(day));
}

/** A date as precise as it was given: `YYYY` → "2023", `YYYY-MM` → "Oct 2023", a day → "5 Oct 2023". */
export function formatPartialDate(value: string): string {
  if (/^\d{4}$/.test(value)) return YEAR.format(utc(`${value}-01-01`));
  if (/^\d{4}-\d{2}$/.test(value)) return MONTH.format(utc(`${value}-01`));
  return formatDay(value);
}

/**
 * An observed date shown with its precision: "5 Oct 2023" (day), "Apr 2024" (month), or a range
 * "28 Mar – 3 Apr 2024" that names the year once when both ends share it.
 */
export function formatObservedDate(observed: ObservationDto["observed"]): string {
  if (observed.precision === "day") return formatDay(observed.start);
  if (observed.precision === "month") return MONTH.format(utc(observed.start));
  if (observed.start === observed.end) return formatDay(observed.start);
  const sameYear = observed.start.slice(0, 4) === observed.end.slice(0, 4);
  const start = sameYear ? DAY_MONTH.format(utc(observed.start)) : formatDay(observed.start);
  return `${start} – ${formatDay(observed.end)}`;
}

/** Words for the precision, for screen readers and tooltips. */
export const PRECISION_LABELS: Record<ObservationDto["observed"]["precision"], string> = {
  day: "Exact day",
  month: "Month only",
  range: "Range of days",
};

/** One quantity as analysts write it: "rail_cars ≈ 50", "shells = 1,000,000 rounds". */
export function formatQuantity(quantity: ObservationDto["quantities"][number]): string {
  const value = quantity.value.toLocaleString("en-US");
  const unit = quantity.unit ? ` ${quantity.unit}` : "";
  return `${quantity.metric} ${quantity.approximate ? "≈" : "="} ${value}${unit}`;
}

/** The human label of a library record: its file id (OBS-26) when it has one, else a short form of its uuid. */
export function recordLabel(record: { id: string; externalId: string | null }): string {
  return record.externalId ?? `#${record.id.slice(0, 8)}`;
}
