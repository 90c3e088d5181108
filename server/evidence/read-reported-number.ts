/** A number as a hand-made file reports it: `50`, `2,000`, `about 50`, `~60`, `≈60`, `c. 1,200`. */
export interface ReportedNumber {
  value: number;
  /** Whether the text marks it as approximate ("about", "~", "≈", "c."). */
  approximate: boolean;
}

// The export writes approximate values as `~60`; people write "about 60". Both read the same way.
const APPROXIMATE_PREFIX = /^(?:about|approximately|approx\.|around|roughly|circa|ca\.|c\.|~|≈)\s*/i;
// Thousands separated by commas in groups of three only: "2,5" could be a European 2.5, so it is refused.
const PLAIN_NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** The number a text reports, or null when it is not one (words such as "slightly over half"). */
export function readReportedNumber(text: string): ReportedNumber | null {
  const trimmed = text.trim();
  const prefix = APPROXIMATE_PREFIX.exec(trimmed);
  const rest = prefix ? trimmed.slice(prefix[0].length) : trimmed;
  if (!PLAIN_NUMBER.test(rest)) return null;
  const value = Number(rest.replaceAll(",", ""));
  return Number.isFinite(value) ? { value, approximate: Boolean(prefix) } : null;
}

/** How a number may be written, for refusals. */
export const REPORTED_NUMBER_HINT = "write a number such as 50, 2,000, ~50 or about 50";
