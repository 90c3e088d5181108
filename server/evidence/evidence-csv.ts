import { AppError } from "@/lib/errors";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { formatCsv, parseCsv, restoreFormula } from "../csv/csv-format";
import { readReportedNumber } from "./read-reported-number";

/**
 * Columns of the observations CSV, in order. Lists inside a cell are separated by " | ";
 * `source_attributions` lists `S07: The White House` (a source id, then who it says the information came from).
 */
export const OBSERVATION_CSV_COLUMNS = [
  "id",
  "site_id",
  "date",
  "date_precision",
  "kind",
  "summary",
  "source_ids",
  "source_attributions",
  "credibility",
  "quantities",
  "qualitative",
  "ships",
  "notes",
  "inferred_fields",
  "retraction_reason",
] as const;

const LIST = " | ";

function splitList(value: string): string[] {
  return value
    .split("|")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * A quantity cell entry: `rail_cars=~50` (approximate, as the export writes it), `rail_cars=about 50`,
 * `tonnes=2,000 t`, `ship_length_m=115 m`. A value that is not a number stays text, for the import to refuse.
 */
function parseQuantity(entry: string): unknown {
  const match = /^([^=]+)=\s*(.*)$/.exec(entry);
  if (!match) return { metric: entry, value: entry };
  const [, metric = "", rest = ""] = match;
  // The number is the longest leading run that reads as one ("about 2,000" of "about 2,000 t").
  const words = rest.split(/\s+/).filter(Boolean);
  for (let count = Math.min(words.length, 2); count >= 1; count -= 1) {
    const number = readReportedNumber(words.slice(0, count).join(" "));
    if (number) {
      const unit = words.slice(count).join(" ");
      return { metric: metric.trim(), value: number.value, unit: unit || null, approximate: number.approximate };
    }
  }
  return { metric: metric.trim(), value: rest.trim(), unit: null, approximate: false };
}

/**
 * The observations of a CSV file as records of the interchange format. Sites and sources are
 * referred to by id and must already be in the library (import them with a JSON file first).
 */
export function observationsFromCsv(text: string): Record<string, unknown>[] {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((name) => name.trim());
  const missing = ["id", "date", "date_precision", "summary", "source_ids"].filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new AppError("bad_request:import", "The CSV file lacks required columns.", {
      fields: { "": [`Add the column(s) ${missing.join(", ")}; expected: ${OBSERVATION_CSV_COLUMNS.join(", ")}.`] },
    });
  }
  const has = (name: string) => columns.includes(name);
  return rows.map((cells) => {
    // Our exports put an apostrophe before a cell a spreadsheet would run as a formula; undone here.
    const cell = (name: string) => restoreFormula(cells[columns.indexOf(name)] ?? "").trim();
    // Only the columns the file has: a missing column says nothing, which matters when a row is
    // compared with the record already in the library.
    const optional: [string, string, () => unknown][] = [
      ["site_id", "site_id", () => cell("site_id") || null],
      ["kind", "kind", () => cell("kind")],
      [
        "source_attributions",
        "source_attributions",
        () =>
          Object.fromEntries(
            splitList(cell("source_attributions")).map((entry) => {
              const [sourceId = "", ...name] = entry.split(":");
              return [sourceId.trim(), name.join(":").trim()];
            }),
          ),
      ],
      ["quantities", "quantities", () => splitList(cell("quantities")).map(parseQuantity)],
      [
        "qualitative",
        "counts",
        () =>
          Object.fromEntries(
            splitList(cell("qualitative")).map((entry) => {
              const [metric = "", ...words] = entry.split(":");
              return [metric.trim(), words.join(":").trim()];
            }),
          ),
      ],
      ["ships", "ships", () => splitList(cell("ships"))],
      ["notes", "notes", () => cell("notes")],
      ["inferred_fields", "inferred_fields", () => splitList(cell("inferred_fields"))],
      ["retraction_reason", "retraction_reason", () => cell("retraction_reason") || null],
    ];
    const record: Record<string, unknown> = {
      id: cell("id"),
      date: cell("date"),
      date_precision: cell("date_precision"),
      summary: cell("summary"),
      source_ids: splitList(cell("source_ids")),
    };
    for (const [column, key, read] of optional) if (has(column)) record[key] = read();
    const credibility = cell("credibility");
    if (credibility) record.credibility = /^\d+$/.test(credibility) ? Number(credibility) : credibility;
    return record;
  });
}

/** The `date` and `date_precision` of the interchange format for an observed date. */
export function fileDateOf(observed: ObservationDto["observed"]): { date: string; date_precision: string } {
  if (observed.precision === "day") return { date: observed.start, date_precision: "day" };
  if (observed.precision === "month") return { date: observed.start.slice(0, 7), date_precision: "month" };
  return { date: observed.end, date_precision: `range ${observed.start}/${observed.end}` };
}

/** Observations as CSV rows (header first), referring to sites and sources by their file ids. */
export function observationsToCsv(list: ObservationDto[]): string {
  const rows = list.map((observation) => {
    const { date, date_precision } = fileDateOf(observation.observed);
    return [
      observation.externalId ?? observation.id,
      observation.site ? (observation.site.externalId ?? observation.site.id) : "",
      date,
      date_precision,
      observation.kind,
      observation.summary,
      observation.sources.map((source) => source.externalId ?? source.id).join(LIST),
      observation.sources
        .filter((source) => source.attributedTo)
        .map((source) => `${source.externalId ?? source.id}: ${source.attributedTo}`)
        .join(LIST),
      String(observation.credibility),
      observation.quantities
        .map((q) => `${q.metric}=${q.approximate ? "~" : ""}${q.value}${q.unit ? ` ${q.unit}` : ""}`)
        .join(LIST),
      observation.qualitative.map((q) => `${q.metric}: ${q.text}`).join(LIST),
      observation.ships.join(LIST),
      observation.notes,
      observation.inferredFields.join(LIST),
      observation.retraction?.reason ?? "",
    ];
  });
  return formatCsv([[...OBSERVATION_CSV_COLUMNS], ...rows]);
}
