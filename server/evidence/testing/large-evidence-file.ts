import { formatCsv } from "../../csv/csv-format";
import { OBSERVATION_CSV_COLUMNS } from "../evidence-csv";

/** What one generated CSV row should become in the library, in the API's terms. */
export interface ExpectedObservation {
  externalId: string;
  siteExternalId: string | null;
  kind: string;
  summary: string;
  observed: { precision: "day" | "month" | "range"; start: string; end: string };
  /** Sources by file id, in the listed order, with who each says the information came from. */
  sources: { externalId: string; attributedTo: string | null }[];
  credibility: number;
  quantities: { metric: string; value: number; unit: string | null; approximate: boolean }[];
  qualitative: { metric: string; text: string }[];
  ships: string[];
  notes: string;
  inferredFields: string[];
  retractionReason: string | null;
}

export interface LargeEvidenceFile {
  /** A JSON library file with the sources and sites (each site's facts cite the file's sources). */
  library: { sources: Record<string, unknown>[]; sites: Record<string, unknown>[] };
  /** A CSV of observations citing those sites and sources, as the import form sends it. */
  csv: string;
  expected: ExpectedObservation[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function observedOf(row: number): { cells: [string, string]; observed: ExpectedObservation["observed"] } {
  const year = 2022 + (row % 3);
  const month = 1 + (row % 12);
  const day = 1 + (row % 28);
  if (row % 3 === 0) {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    return { cells: [date, "day"], observed: { precision: "day", start: date, end: date } };
  }
  if (row % 3 === 1) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return {
      cells: [`${year}-${pad(month)}`, "month"],
      observed: { precision: "month", start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${last}` },
    };
  }
  const start = `${year}-${pad(month)}-${pad(day)}`;
  const end = `${year}-${pad(month)}-28`;
  return { cells: [end, `range ${start}/${end}`], observed: { precision: "range", start, end } };
}

/**
 * A library of `sources` sources and `sites` sites (JSON) and a CSV of `observations` rows citing
 * them, each row different: every date precision, one to three sources with and without
 * attributions, quantities, counts in words, ships, rows without a site and retracted rows.
 */
export function largeEvidenceFile(counts: { sources: number; sites: number; observations: number }): LargeEvidenceFile {
  const sourceId = (n: number) => `LS-${pad(n, 5)}`;
  const siteId = (n: number) => `site_${pad(n, 5)}`;
  const sources = Array.from({ length: counts.sources }, (_, n) => ({
    id: sourceId(n),
    publisher: `Publisher ${n % 37}`,
    title: `Report ${n}`,
    // Half the sources have a (distinct) URL: new sources with one URL would be refused.
    ...(n % 2 === 0 ? { url: `https://example.test/reports/${n}` } : {}),
    date: `2024-${pad(1 + (n % 12))}`,
    type: n % 3 === 0 ? "think-tank imagery analysis" : "news report",
    reliability: "ABCDEF"[n % 6],
  }));
  const sites = Array.from({ length: counts.sites }, (_, n) => ({
    id: siteId(n),
    name: `Depot ${n}`,
    country: n % 2 === 0 ? "RU" : "KP",
    lat: 40 + (n % 100) / 10,
    lon: 40 + (n % 50) / 10,
    coord_inferred: n % 2 === 0,
    facts: [
      { fact: `About ${n} km from the border`, source_ids: [sourceId(n % counts.sources)] },
      { fact: "Rail-served", source_ids: [sourceId((n + 1) % counts.sources), sourceId((n + 2) % counts.sources)] },
    ],
  }));
  const expected: ExpectedObservation[] = [];
  const rows = Array.from({ length: counts.observations }, (_, row) => {
    const { cells: dateCells, observed } = observedOf(row);
    const cited = Array.from({ length: 1 + (row % 3) }, (_, k) => sourceId((row * 7 + k) % counts.sources));
    const attributed = row % 4 === 0 ? cited[0] : undefined;
    const site = row % 10 === 9 ? null : siteId(row % counts.sites);
    const railCars = 10 + (row % 90);
    const tonnes = 100 * (row % 50);
    const retraction = row % 25 === 24 ? `Duplicate of row ${row - 1}` : null;
    const summary = `About ${railCars} rail cars, "row ${row}"`;
    expected.push({
      externalId: `CSV-${pad(row, 5)}`,
      siteExternalId: site,
      kind: "imagery",
      summary,
      observed,
      sources: cited.map((id) => ({ externalId: id, attributedTo: id === attributed ? "The White House" : null })),
      credibility: 1 + (row % 6),
      quantities: [
        { metric: "rail_cars", value: railCars, unit: null, approximate: true },
        ...(row % 2 === 0 ? [{ metric: "tonnes", value: tonnes, unit: "t", approximate: false }] : []),
      ],
      qualitative: row % 5 === 0 ? [{ metric: "storage_in_use", text: "slightly over half" }] : [],
      ships: row % 7 === 0 ? ["Angara", "Lady R"] : [],
      notes: row % 3 === 0 ? `=row ${row} looks like a formula` : "",
      inferredFields: row % 6 === 0 ? ["date"] : [],
      retractionReason: retraction,
    });
    const last = expected[expected.length - 1] as ExpectedObservation;
    return [
      last.externalId,
      site ?? "",
      ...dateCells,
      last.kind,
      summary,
      cited.join(" | "),
      attributed ? `${attributed}: The White House` : "",
      String(last.credibility),
      last.quantities
        .map((q) => `${q.metric}=${q.approximate ? "~" : ""}${q.value}${q.unit ? ` ${q.unit}` : ""}`)
        .join(" | "),
      last.qualitative.map((q) => `${q.metric}: ${q.text}`).join(" | "),
      last.ships.join(" | "),
      last.notes,
      last.inferredFields.join(" | "),
      retraction ?? "",
    ];
  });
  return { library: { sources, sites }, csv: formatCsv([[...OBSERVATION_CSV_COLUMNS], ...rows]), expected };
}
