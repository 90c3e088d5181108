import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import type { SourceType } from "@/lib/evidence";
import {
  type CreateObservationInput,
  type CreateSiteInput,
  type CreateSourceInput,
  createObservationInput,
  createSiteInput,
  createSourceInput,
  lastDayOfMonth,
} from "@/lib/schemas/evidence";
import { fileObservation, fileSite, fileSource } from "./evidence-file";
import { REPORTED_NUMBER_HINT, readReportedNumber } from "./read-reported-number";

/** One record of a file, validated, with the file's ids of the records it refers to. */
export interface ImportedRecord<T> {
  /** Position in the file, for error keys. */
  index: number;
  externalId: string;
  input: T;
  /** The fields the file's record has: only these are compared with a record already in the library. */
  given: string[];
}
export interface ImportedObservation extends ImportedRecord<Omit<CreateObservationInput, "siteId" | "sourceIds">> {
  siteRef: string | null;
  sourceRefs: string[];
  /** Who a source (by file id) says the information came from. */
  sourceAttributions: Record<string, string>;
  retractionReason: string | null;
}
/** A site's fact with the file's ids of its sources, resolved to library sources on import. */
export interface ImportedFact {
  text: string;
  sourceRefs: string[];
}
export interface ImportedSite extends ImportedRecord<Omit<CreateSiteInput, "facts">> {
  facts: ImportedFact[];
}

/** Files describe source types in words; the library keeps one of its types and the words beside it. */
export function sourceTypeFromText(value: string): SourceType {
  const text = value.toLowerCase();
  if (/trade[- ]data/.test(text)) return "trade_data";
  if (text.startsWith("think-tank") || text.startsWith("think tank")) return "think_tank_analysis";
  if (text.startsWith("official")) return "official_statement";
  if (text.startsWith("reference")) return "reference";
  if (/news|media|newspaper/.test(text)) return "media";
  if (/imagery/.test(text)) return "imagery";
  return "other";
}

/** Whether the summary reports a count as approximate ("about 50 rail cars"); `_est` metrics always are. */
function isApproximate(summary: string, metric: string, value: number): boolean {
  if (metric.endsWith("_est")) return true;
  const numbers = [String(value), value.toLocaleString("en-US")].map((n) => n.replace(/[.,]/g, "\\$&"));
  return new RegExp(`\\b(about|approximately|around|roughly|nearly|~)\\s*(${numbers.join("|")})\\b`, "i").test(summary);
}

/**
 * A file's `quantities` with values written as text ("about 50", "2,000") read as numbers. A value
 * that is not a number is reported here, with how to write one.
 */
function quantitiesOf(raw: unknown[] | undefined) {
  const issues: z.core.$ZodIssue[] = [];
  if (!raw) return { quantities: undefined, issues };
  const quantities = raw.map((entry, index) => {
    if (!entry || typeof entry !== "object" || typeof (entry as { value?: unknown }).value !== "string") return entry;
    const quantity = entry as { metric?: unknown; value: string; approximate?: unknown };
    const number = readReportedNumber(quantity.value);
    if (number) return { ...quantity, value: number.value, approximate: quantity.approximate ?? number.approximate };
    issues.push({
      code: "custom",
      path: ["quantities", index, "value"],
      message: `${String(quantity.metric ?? "The quantity")}: “${quantity.value}” is not a number; ${REPORTED_NUMBER_HINT}.`,
      input: quantity.value,
    });
    // A stand-in keeps the other quantities' positions (and their messages' keys); the file is refused anyway.
    return { ...quantity, value: 0 };
  });
  return { quantities, issues };
}

/** `day`, `month` or `range START/END` (each end a day or a month) as the observed-date input. */
function observedFrom(date: string, precision: string): unknown {
  if (precision === "day") return { precision: "day", date };
  if (precision === "month") return { precision: "month", month: date };
  const range = /^range\s+(\S+)\/(\S+)$/.exec(precision);
  if (!range?.[1] || !range[2]) return { precision };
  const start = /^\d{4}-\d{2}$/.test(range[1]) ? `${range[1]}-01` : range[1];
  const end = /^\d{4}-(0[1-9]|1[0-2])$/.test(range[2]) ? lastDayOfMonth(range[2]) : range[2];
  return { precision: "range", start, end };
}

/** `source_attributions` checked: each key one of the observation's sources, each value a name. */
function attributionsOf(raw: Record<string, unknown>, sourceIds: string[]) {
  const attributions: Record<string, string> = {};
  const issues: z.core.$ZodIssue[] = [];
  for (const [sourceId, value] of Object.entries(raw)) {
    const path = ["source_attributions", sourceId];
    if (!sourceIds.includes(sourceId)) {
      issues.push({
        code: "custom",
        path,
        message: `${sourceId} is not one of this observation's sources.`,
        input: value,
      });
    } else if (typeof value !== "string" || value.trim().length > 500) {
      issues.push({
        code: "custom",
        path,
        message: "An attribution is a name of at most 500 characters.",
        input: value,
      });
    } else if (value.trim()) attributions[sourceId] = value.trim();
  }
  return { attributions, issues };
}

/** A site's `facts` checked: each a text with the file's ids of its sources, each id once. */
function factsOf(raw: { fact: string; source_ids?: string[] | undefined }[]) {
  const facts: ImportedFact[] = [];
  const issues: z.core.$ZodIssue[] = [];
  raw.forEach((entry, index) => {
    const text = entry.fact.trim();
    const sourceRefs = entry.source_ids ?? [];
    const twice = sourceRefs.filter((ref, position) => sourceRefs.indexOf(ref) !== position);
    if (!text || text.length > 2000) {
      issues.push({
        code: "custom",
        path: ["facts", index, "fact"],
        message: "State the fact in at most 2000 characters.",
        input: entry.fact,
      });
    } else if (twice.length > 0) {
      issues.push({
        code: "custom",
        path: ["facts", index, "source_ids"],
        message: `The fact lists source ${twice[0]} twice.`,
        input: sourceRefs,
      });
    } else facts.push({ text, sourceRefs });
  });
  if (raw.length > 50)
    issues.push({ code: "custom", path: ["facts"], message: "Record at most 50 facts per site.", input: raw });
  return { facts, issues };
}

interface IdEntry {
  index: number;
  id: string;
}
interface SiteRefs extends IdEntry {
  /** Per fact, the file's source ids it cites. */
  factSourceRefs: string[][];
}
interface ObservationRefs extends IdEntry {
  siteRef: string | null;
  sourceRefs: string[];
}

type Collector = (index: number, id: string | undefined, issues: z.core.$ZodIssue[]) => void;

function validate<T extends z.ZodType>(
  schema: T,
  value: unknown,
  index: number,
  id: string | undefined,
  report: Collector,
): z.infer<T> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  report(index, id, result.error.issues);
  return null;
}

/**
 * Converts the records of an import file into library inputs, validating each with the same rules
 * as the API. Errors are keyed `<collection>.<index>.<field>` and name the record's id.
 */
export function convertEvidenceFile(file: { sources?: unknown[]; sites?: unknown[]; observations?: unknown[] }) {
  const fields: FieldErrors = {};
  const collector =
    (collection: string): Collector =>
    (index, id, issues) => {
      for (const issue of issues) {
        const key = [collection, index, ...issue.path.map(String)].join(".");
        fields[key] ??= [];
        fields[key].push(id ? `${id}: ${issue.message}` : issue.message);
      }
    };
  // Ids of every record that has one, valid or not, for duplicate and reference checks.
  const ids = { sources: [] as IdEntry[], sites: [] as SiteRefs[], observations: [] as ObservationRefs[] };
  const ignored = new Set<string>();
  const noteIgnored = (collection: string, raw: unknown, shape: Record<string, unknown>) => {
    if (!raw || typeof raw !== "object") return;
    for (const key of Object.keys(raw)) if (!(key in shape)) ignored.add(`${collection}.${key}`);
  };
  const sources: ImportedRecord<CreateSourceInput>[] = [];
  (file.sources ?? []).forEach((raw, index) => {
    const report = collector("sources");
    noteIgnored("sources", raw, fileSource.shape);
    const record = validate(fileSource, raw, index, undefined, report);
    if (!record) return;
    ids.sources.push({ index, id: record.id });
    const typeText = record.type ?? "";
    const input = validate(
      createSourceInput,
      {
        externalId: record.id,
        publisher: record.publisher,
        title: record.title ?? null,
        titleNote: record.title_note ?? null,
        url: record.url ?? null,
        publishedOn: record.date ?? null,
        dateNote: record.date_note ?? null,
        // `source_type` is what an export writes; the example dataset only describes the type in words.
        type: record.source_type ?? sourceTypeFromText(typeText),
        typeDetail: typeText || null,
        authors: record.authors ?? [],
        // Ungraded files get F: "reliability cannot be judged" is the honest grade, not a middle one.
        reliability: record.reliability ?? "F",
        reliabilityRationale:
          record.reliability_rationale ?? (record.reliability ? "" : "Not graded in the imported file."),
        descriptor: record.notes ?? "",
        retrievedOn: record.retrieved_on ?? null,
        foundIn: record.found_in ?? [],
      },
      index,
      record.id,
      report,
    );
    if (input) sources.push({ index, externalId: record.id, input, given: Object.keys(record) });
  });
  const sites: ImportedSite[] = [];
  (file.sites ?? []).forEach((raw, index) => {
    const report = collector("sites");
    noteIgnored("sites", raw, fileSite.shape);
    const record = validate(fileSite, raw, index, undefined, report);
    if (!record) return;
    const facts = factsOf(record.facts ?? []);
    if (facts.issues.length > 0) report(index, record.id, facts.issues);
    ids.sites.push({ index, id: record.id, factSourceRefs: facts.facts.map((fact) => fact.sourceRefs) });
    const hasCoordinates = record.lat != null || record.lon != null;
    const basis = record.coord_basis ?? "";
    const precision =
      record.coord_precision ??
      (!hasCoordinates
        ? null
        : record.coord_inferred === false
          ? "exact"
          : /town|village/i.test(basis)
            ? "town"
            : "approx_10km");
    // Facts are checked apart: they cite sources by the file's ids, resolved only on import.
    const input = validate(
      createSiteInput,
      {
        externalId: record.id,
        name: record.name,
        latitude: record.lat ?? null,
        longitude: record.lon ?? null,
        coordinatePrecision: precision,
        coordinateNote: basis,
        country: record.country ?? null,
        region: record.region ?? "",
        type: record.type ?? "",
      },
      index,
      record.id,
      report,
    );
    if (input) sites.push({ index, externalId: record.id, input, given: Object.keys(record), facts: facts.facts });
  });
  const observations: ImportedObservation[] = [];
  const observationSchema = createObservationInput.omit({ siteId: true, sourceIds: true });
  (file.observations ?? []).forEach((raw, index) => {
    const report = collector("observations");
    noteIgnored("observations", raw, fileObservation.shape);
    const record = validate(fileObservation, raw, index, undefined, report);
    if (!record) return;
    ids.observations.push({ index, id: record.id, siteRef: record.site_id ?? null, sourceRefs: record.source_ids });
    const counts = Object.entries(record.counts ?? {});
    const invalid = counts.filter(([, value]) => typeof value !== "number" && typeof value !== "string");
    if (invalid.length > 0) {
      report(
        index,
        record.id,
        invalid.map(([metric]) => ({
          code: "custom" as const,
          path: ["counts", metric],
          message: "A count must be a number, or words such as “slightly over half”.",
          input: undefined,
        })),
      );
    }
    // "about 50", "~60" and "2,000" are numbers as people and our CSV export write them, not words.
    const numeric = counts.flatMap(([metric, value]) => {
      const number = typeof value === "string" ? readReportedNumber(value) : null;
      if (typeof value === "number")
        return [{ metric, value, approximate: isApproximate(record.summary, metric, value) }];
      if (!number) return [];
      return [
        {
          metric,
          value: number.value,
          approximate: number.approximate || isApproximate(record.summary, metric, number.value),
        },
      ];
    });
    const words = counts.filter(([, value]) => typeof value === "string" && !readReportedNumber(value));
    const read = quantitiesOf(record.quantities);
    if (read.issues.length > 0) report(index, record.id, read.issues);
    const quantities = read.quantities ?? numeric;
    const input = validate(
      observationSchema,
      {
        externalId: record.id,
        summary: record.summary,
        kind: record.kind ?? "",
        observed: observedFrom(record.date, record.date_precision),
        quantities,
        qualitative: words.map(([metric, value]) => ({ metric, text: value })),
        ships: record.ships ?? [],
        credibility: record.credibility ?? 6,
        notes: record.notes ?? "",
        inferredFields: record.inferred_fields ?? [],
      },
      index,
      record.id,
      report,
    );
    const sourceAttributions = attributionsOf(record.source_attributions ?? {}, record.source_ids);
    if (sourceAttributions.issues.length > 0) report(index, record.id, sourceAttributions.issues);
    // The library links an observation to a source once; caught here so the file is refused with a
    // message for the record instead of failing on the link table's key.
    const twice = record.source_ids.filter((ref, position) => record.source_ids.indexOf(ref) !== position);
    if (twice.length > 0)
      report(index, record.id, [
        {
          code: "custom",
          path: ["source_ids"],
          message: `lists source ${[...new Set(twice)].join(", ")} twice; list each source once.`,
          input: record.source_ids,
        },
      ]);
    if (!input) return;
    if (record.source_ids.length === 0)
      report(index, record.id, [
        { code: "custom", path: ["source_ids"], message: "Cite at least one source.", input: [] },
      ]);
    observations.push({
      index,
      externalId: record.id,
      given: Object.keys(record),
      input,
      siteRef: record.site_id ?? null,
      sourceRefs: record.source_ids,
      sourceAttributions: sourceAttributions.attributions,
      retractionReason: record.retraction_reason ?? null,
    });
  });
  return { sources, sites, observations, ids, fields, ignored: [...ignored].sort() };
}
