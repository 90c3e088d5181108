import { z } from "zod";
import { COORDINATE_PRECISIONS, SOURCE_TYPES } from "../evidence";
import { INFORMATION_CREDIBILITY_GRADES, SOURCE_RELIABILITY_GRADES } from "../standards/admiralty";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ISO_YEAR = /^\d{4}$/;

/**
 * The earliest year a library date may name: older records exist (archives, 19th-century maps) but
 * are rare enough that "0001" or "1024" is far likelier a typo.
 */
export const EARLIEST_YEAR = 1800;

/** Today as `YYYY-MM-DD` in UTC, the reference for "not in the future". */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether `YYYY-MM-DD` names a day that exists (no 30 February). */
export function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The last day of the month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `Use at most ${max} characters for ${label.toLowerCase()}.`);

const pastDay = (label: string) =>
  z
    .string({ error: `Enter ${label.toLowerCase()} as YYYY-MM-DD.` })
    .refine((value) => ISO_DAY.test(value), `Enter ${label.toLowerCase()} as YYYY-MM-DD.`)
    .refine((value) => !ISO_DAY.test(value) || isRealDay(value), `${label} is not a real date.`)
    .refine((value) => !isRealDay(value) || value <= todayIso(), `${label} cannot be in the future.`)
    .refine(
      (value) => !isRealDay(value) || Number(value.slice(0, 4)) >= EARLIEST_YEAR,
      `${label} cannot be before ${EARLIEST_YEAR}.`,
    );

/** A publication date to the year, month or day, not in the future. */
const publishedOnSchema = z
  .string({ error: "Enter the published date as YYYY, YYYY-MM or YYYY-MM-DD." })
  .refine(
    (value) => ISO_YEAR.test(value) || ISO_MONTH.test(value) || isRealDay(value),
    "Enter the published date as YYYY, YYYY-MM or YYYY-MM-DD (a real date).",
  )
  .refine((value) => value <= todayIso().slice(0, value.length), "The published date cannot be in the future.")
  .refine(
    (value) => !/^\d{4}/.test(value) || Number(value.slice(0, 4)) >= EARLIEST_YEAR,
    `The published date cannot be before ${EARLIEST_YEAR}.`,
  );

/**
 * A web address: http or https only. Anything else (`javascript:`, `htp:/…`, words with spaces) is
 * refused rather than stored, since the app links to it.
 */
export function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const webAddress = (label: string) =>
  optionalText(label, 2000).refine(
    (value) => value === "" || isWebAddress(value),
    `${label} must be a web address starting with http:// or https://.`,
  );

export const sourceReliabilitySchema = z.enum(SOURCE_RELIABILITY_GRADES, {
  error: "Grade source reliability A to F (F: reliability cannot be judged).",
});
export const credibilitySchema = z.union(
  INFORMATION_CREDIBILITY_GRADES.map((grade) => z.literal(grade)),
  { error: "Grade information credibility 1 to 6 (6: truth cannot be judged)." },
);

const externalIdSchema = optionalText("The external id", 100).min(1, "The external id cannot be empty.");

const sourceFields = {
  externalId: externalIdSchema.nullable().optional().describe("Id in an imported file, e.g. `S07`."),
  publisher: optionalText("The publisher", 500).min(1, "Enter the publisher or originator."),
  title: optionalText("The title", 1000).nullable().optional(),
  titleNote: optionalText("The title note", 2000).nullable().optional(),
  url: webAddress("The URL").nullable().optional(),
  publishedOn: publishedOnSchema.nullable().optional(),
  dateNote: optionalText("The date note", 2000).nullable().optional(),
  type: z.enum(SOURCE_TYPES, { error: `Choose a source type: ${SOURCE_TYPES.join(", ")}.` }),
  typeDetail: optionalText("The type detail", 500).nullable().optional(),
  authors: z.array(optionalText("An author", 200), { error: "Authors must be a list of names." }).max(50).optional(),
  reliability: sourceReliabilitySchema,
  reliabilityRationale: optionalText("The reliability rationale", 4000).optional(),
  descriptor: optionalText("The source descriptor", 4000).optional(),
  retrievedOn: pastDay("The retrieved date").nullable().optional(),
  foundIn: z
    .array(webAddress("A found-in address").min(1, "A found-in address cannot be empty."), {
      error: "Found in must be a list of addresses.",
    })
    .max(50, "List at most 50 places where the source was found.")
    .optional()
    .describe("Where the source was found: pages that cite or relay it (its provenance trail)."),
};

type SourceDates = { publishedOn?: string | null; retrievedOn?: string | null };

/** A source cannot be retrieved before it was published (compared to the published date's precision). */
export function checkSourceDates(source: SourceDates, ctx: z.RefinementCtx): void {
  const { publishedOn, retrievedOn } = source;
  if (!publishedOn || !retrievedOn) return;
  if (retrievedOn.slice(0, publishedOn.length) < publishedOn) {
    ctx.addIssue({
      code: "custom",
      path: ["retrievedOn"],
      message: `The retrieved date cannot be before the published date (${publishedOn}).`,
    });
  }
}

/** Body of `POST /api/v1/workspaces/{workspaceId}/sources`. */
export const createSourceInput = z
  .object(sourceFields, { error: "Send a JSON object." })
  .superRefine(checkSourceDates)
  .meta({ id: "CreateSourceInput" });
export type CreateSourceInput = z.infer<typeof createSourceInput>;

const revisionField = z
  .number({ error: "The revision must be a whole number from 1: the one you edited." })
  .int("The revision must be a whole number from 1: the one you edited.")
  .positive("The revision must be a whole number from 1: the one you edited.")
  .optional()
  .describe("The revision you edited (or send it as `If-Match`); a newer one on the server gives 409.");

/** Body of `PATCH …/sources/{sourceId}`: omitted fields stay as they are. */
export const updateSourceInput = z
  .object({ ...sourceFields, revision: revisionField }, { error: "Send a JSON object." })
  .partial()
  .meta({ id: "UpdateSourceInput" });
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;

/** Something sources say about a site, with the sources (of this workspace) that say it. */
export const siteFactSchema = z
  .object({
    text: optionalText("A fact", 2000).min(1, "State the fact."),
    sourceIds: z
      .array(z.uuid({ error: "Choose sources of this workspace." }), { error: "List the fact's sources." })
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, "List each source once."),
  })
  .meta({ id: "SiteFact" });

const siteFields = {
  externalId: externalIdSchema.nullable().optional().describe("Id in an imported file, e.g. `tikhoretsk_depot`."),
  name: optionalText("The name", 500).min(1, "Enter the site's name."),
  latitude: z
    .number({ error: "The latitude must be a number." })
    .min(-90, "The latitude must be between -90 and 90.")
    .max(90, "The latitude must be between -90 and 90.")
    .nullable()
    .optional(),
  longitude: z
    .number({ error: "The longitude must be a number." })
    .min(-180, "The longitude must be between -180 and 180.")
    .max(180, "The longitude must be between -180 and 180.")
    .nullable()
    .optional(),
  coordinatePrecision: z
    .enum(COORDINATE_PRECISIONS, { error: `Choose a coordinate precision: ${COORDINATE_PRECISIONS.join(", ")}.` })
    .nullable()
    .optional(),
  coordinateNote: optionalText("The coordinate note", 2000).optional(),
  country: z
    .string({ error: "The country must be a two-letter code." })
    .regex(/^[A-Z]{2}$/, "The country must be a two-letter ISO code such as RU.")
    .nullable()
    .optional(),
  region: optionalText("The region", 500).optional(),
  type: optionalText("The site type", 200).optional(),
  facts: z
    .array(siteFactSchema, { error: "Facts must be a list." })
    .max(50, "Record at most 50 facts per site.")
    .optional()
    .describe("What sources say about the site, e.g. a distance or a size, each with the sources that say it."),
};

type SiteShape = { latitude?: number | null; longitude?: number | null; coordinatePrecision?: string | null };

/** Coordinates come as a pair, with a precision; a site without coordinates has no precision. */
export function checkSiteCoordinates(site: SiteShape, ctx: z.RefinementCtx): void {
  const hasLat = site.latitude != null;
  const hasLon = site.longitude != null;
  if (hasLat !== hasLon) {
    ctx.addIssue({
      code: "custom",
      path: [hasLat ? "longitude" : "latitude"],
      message: "Give both latitude and longitude, or neither.",
    });
  }
  if ((hasLat || hasLon) && !site.coordinatePrecision) {
    ctx.addIssue({ code: "custom", path: ["coordinatePrecision"], message: "Say how precise the coordinates are." });
  }
  if (!hasLat && !hasLon && site.coordinatePrecision) {
    ctx.addIssue({
      code: "custom",
      path: ["coordinatePrecision"],
      message: "A site without coordinates has no coordinate precision.",
    });
  }
}

/** Body of `POST /api/v1/workspaces/{workspaceId}/sites`. */
export const createSiteInput = z
  .object(siteFields, { error: "Send a JSON object." })
  .superRefine(checkSiteCoordinates)
  .meta({ id: "CreateSiteInput" });
export type CreateSiteInput = z.infer<typeof createSiteInput>;

/** Body of `PATCH …/sites/{siteId}`; the coordinates are checked again together with the stored ones. */
export const updateSiteInput = z
  .object({ ...siteFields, revision: revisionField }, { error: "Send a JSON object." })
  .partial()
  .meta({ id: "UpdateSiteInput" });
export type UpdateSiteInput = z.infer<typeof updateSiteInput>;

/** When something was observed: one day, one month, or a range of days; never in the future. */
export const observedDateSchema = z
  .discriminatedUnion(
    "precision",
    [
      z.object({ precision: z.literal("day"), date: pastDay("The observed date") }),
      z.object({
        precision: z.literal("month"),
        month: z
          .string({ error: "Enter the month as YYYY-MM." })
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter the month as YYYY-MM.")
          .refine((value) => value <= todayIso().slice(0, 7), "The observed month cannot be in the future.")
          .refine(
            (value) => Number(value.slice(0, 4)) >= EARLIEST_YEAR,
            `The observed month cannot be before ${EARLIEST_YEAR}.`,
          ),
      }),
      z.object({ precision: z.literal("range"), start: pastDay("The start date"), end: pastDay("The end date") }),
    ],
    {
      error:
        "Say how precise the date is: precision day (with date), month (with month) or range (with start and end).",
    },
  )
  .refine((value) => value.precision !== "range" || value.start <= value.end, {
    message: "The range must not end before it starts.",
    path: ["end"],
  })
  .meta({ id: "ObservedDate" });
export type ObservedDateInput = z.infer<typeof observedDateSchema>;

/** The first and last day an observed date covers. */
export function observedBounds(observed: ObservedDateInput): { start: string; end: string } {
  if (observed.precision === "day") return { start: observed.date, end: observed.date };
  if (observed.precision === "month") return { start: `${observed.month}-01`, end: lastDayOfMonth(observed.month) };
  return { start: observed.start, end: observed.end };
}

/**
 * Whether a metric is a change (`rail_cars_change`, `stock_delta`), the only kind of quantity that
 * may be negative: counts, tonnages and lengths cannot be.
 */
export function isChangeMetric(metric: string): boolean {
  return /_(change|delta)$/.test(metric);
}

export const quantitySchema = z
  .object({
    metric: z
      .string({ error: "Name the metric, e.g. rail_cars." })
      .regex(/^[a-z][a-z0-9_]{0,63}$/, "Name the metric in lower_snake_case, e.g. rail_cars."),
    value: z.number({ error: "The quantity must be a number." }).finite("The quantity must be a number."),
    unit: optionalText("The unit", 32).nullable().optional(),
    approximate: z.boolean({ error: "Approximate must be true or false." }).optional(),
  })
  .superRefine((quantity, ctx) => {
    if (typeof quantity.value !== "number" || quantity.value >= 0 || isChangeMetric(quantity.metric)) return;
    ctx.addIssue({
      code: "custom",
      path: ["value"],
      message: `${quantity.metric} cannot be negative; to record a decrease, name the metric ${quantity.metric}_change.`,
    });
  })
  .meta({ id: "Quantity" });

const qualitativeSchema = z.object({
  metric: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "Name the metric in lower_snake_case."),
  text: optionalText("The description", 500).min(1, "Describe the count in words."),
});

const sourceUuid = z.uuid({ error: "Choose sources of this workspace." });

/** A source of an observation: its id, or its id and who the source says the information came from. */
const observationSourceRef = z.union(
  [
    sourceUuid,
    z.object({
      id: sourceUuid,
      attributedTo: optionalText("The attribution", 500)
        .nullable()
        .optional()
        .describe("Who this source says the information came from, e.g. `The White House`; empty: its own publisher."),
    }),
  ],
  { error: "List each source as its id, or as {id, attributedTo}." },
);
export type ObservationSourceRef = z.infer<typeof observationSourceRef>;

/** The source id of a listed source, in either form. */
export function sourceIdOf(ref: ObservationSourceRef): string {
  return typeof ref === "string" ? ref : ref.id;
}

/** A listed source as id and attribution (null when the source is its own originator). */
export function normalizeSourceRef(ref: ObservationSourceRef): { id: string; attributedTo: string | null } {
  return typeof ref === "string"
    ? { id: ref, attributedTo: null }
    : { id: ref.id, attributedTo: ref.attributedTo || null };
}

const observationFields = {
  externalId: externalIdSchema.nullable().optional().describe("Id in an imported file, e.g. `OBS-26`."),
  summary: optionalText("The summary", 4000).min(1, "Summarise what was observed."),
  kind: optionalText("The kind", 200).optional(),
  siteId: z.uuid({ error: "Choose a site of this workspace." }).nullable().optional(),
  observed: observedDateSchema,
  quantities: z.array(quantitySchema, { error: "Quantities must be a list." }).max(50).optional(),
  qualitative: z.array(qualitativeSchema, { error: "Qualitative counts must be a list." }).max(50).optional(),
  ships: z.array(optionalText("A ship name", 200)).max(50).optional(),
  credibility: credibilitySchema,
  sourceIds: z
    .array(observationSourceRef, { error: "List the sources." })
    .min(1, "Cite at least one source.")
    .max(50)
    .refine((refs) => new Set(refs.map(sourceIdOf)).size === refs.length, "List each source once.")
    .describe(
      "Source ids, or `{id, attributedTo}` when the source relays someone else's claim and names who it came from.",
    ),
  notes: optionalText("The notes", 4000).optional(),
  inferredFields: z.array(optionalText("An inferred field", 500)).max(50).optional(),
};

/** Body of `POST /api/v1/workspaces/{workspaceId}/observations`. */
export const createObservationInput = z
  .object(observationFields, { error: "Send a JSON object." })
  .meta({ id: "CreateObservationInput" });
export type CreateObservationInput = z.infer<typeof createObservationInput>;

/** Body of `PATCH …/observations/{observationId}`: omitted fields stay as they are. */
export const updateObservationInput = z
  .object({ ...observationFields, revision: revisionField }, { error: "Send a JSON object." })
  .partial()
  .meta({ id: "UpdateObservationInput" });
export type UpdateObservationInput = z.infer<typeof updateObservationInput>;

/** Body of `POST …/observations/{observationId}/retract`. */
export const retractObservationInput = z
  .object(
    {
      reason: optionalText("The reason", 2000).min(1, "Say why the observation is retracted."),
      revision: revisionField,
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "RetractObservationInput" });

/** A search bound: a real day, past or future (a search may reach beyond today). */
const filterDay = (name: string) =>
  z
    .string({ error: `Use ${name}=YYYY-MM-DD.` })
    .refine((value) => isRealDay(value), `Use ${name}=YYYY-MM-DD (a real date).`);

/** The most observations one page holds, and how many a page holds when only `page` is given. */
export const OBSERVATIONS_PAGE_MAX = 500;
export const OBSERVATIONS_PAGE_DEFAULT = 100;

const pagingNumber = (message: string, max?: number) => {
  const number = z.coerce.number({ error: message }).int(message).min(1, message);
  return max === undefined ? number : number.max(max, message);
};

/** Every parameter `GET …/observations` understands. */
const OBSERVATION_QUERY_KEYS = [
  "q",
  "siteId",
  "sourceId",
  "status",
  "from",
  "to",
  "reliability",
  "credibility",
  "limit",
  "page",
];

/** Query of `GET …/observations`. */
export const listObservationsQuery = z
  .looseObject({
    q: z.string().max(200, "Search for at most 200 characters.").optional().describe("Words in the summary or notes."),
    siteId: z.uuid({ error: "siteId must be a site id." }).optional(),
    sourceId: z.uuid({ error: "sourceId must be a source id." }).optional(),
    status: z
      .enum(["all", "active", "retracted"], { error: "Use status=all, active or retracted." })
      .optional()
      .describe("Retracted observations are listed (marked) unless status=active."),
    from: filterDay("from")
      .optional()
      .describe("Observed on or after this day (YYYY-MM-DD): any observed period that ends on or after it."),
    to: filterDay("to")
      .optional()
      .describe("Observed on or before this day (YYYY-MM-DD): any observed period that starts on or before it."),
    reliability: z
      .enum(SOURCE_RELIABILITY_GRADES, { error: "Use reliability=A to F." })
      .optional()
      .describe("Only observations citing at least one source with this reliability grade."),
    credibility: z.coerce
      .number({ error: "Use credibility=1 to 6." })
      .int("Use credibility=1 to 6.")
      .min(1, "Use credibility=1 to 6.")
      .max(6, "Use credibility=1 to 6.")
      .optional()
      .describe("Only observations with this information-credibility grade."),
    limit: pagingNumber(`Use limit=1 to ${OBSERVATIONS_PAGE_MAX}.`, OBSERVATIONS_PAGE_MAX)
      .optional()
      .describe(
        `Observations per page (at most ${OBSERVATIONS_PAGE_MAX}). Without limit and page, every match is returned. ` +
          'A paged answer carries `X-Total-Count` and a `Link` header with `rel="next"`/`"prev"`.',
      ),
    page: pagingNumber("Use page=1 or higher.")
      .optional()
      .describe(`Page number from 1 (with limit, or ${OBSERVATIONS_PAGE_DEFAULT} per page).`),
  })
  .superRefine((query, ctx) => {
    // Refused rather than ignored: a client paging with a parameter we do not know would get every row.
    for (const key of Object.keys(query)) {
      if (!OBSERVATION_QUERY_KEYS.includes(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `Unknown parameter ${key}; use ${OBSERVATION_QUERY_KEYS.join(", ")}.`,
        });
      }
    }
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "The end of the date range must not be before its start.",
    path: ["to"],
  });
export type ListObservationsQuery = z.infer<typeof listObservationsQuery>;

// Inline rather than a named component: a nullable $ref renders as a misleading allOf in OpenAPI 3.1.
const personRef = z.object({ id: z.uuid(), name: z.string() });

const recordMeta = {
  id: z.uuid(),
  workspaceId: z.uuid(),
  externalId: z.string().nullable(),
  revision: z.number().int().describe("Increases with every change; also sent as the ETag."),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: personRef.nullable(),
  updatedBy: personRef.nullable(),
};

export const sourceDto = z
  .object({
    ...recordMeta,
    publisher: z.string(),
    title: z.string().nullable(),
    titleNote: z.string().nullable(),
    url: z.string().nullable(),
    publishedOn: z.string().nullable(),
    dateNote: z.string().nullable(),
    type: z.enum(SOURCE_TYPES),
    typeDetail: z.string().nullable(),
    authors: z.array(z.string()),
    reliability: z.enum(SOURCE_RELIABILITY_GRADES),
    reliabilityRationale: z.string(),
    descriptor: z.string(),
    retrievedOn: z.string().nullable(),
    foundIn: z.array(z.string()).describe("Where the source was found: pages that cite or relay it."),
  })
  .meta({ id: "Source" });
export type SourceDto = z.infer<typeof sourceDto>;

export const siteDto = z
  .object({
    ...recordMeta,
    name: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    coordinatePrecision: z.enum(COORDINATE_PRECISIONS).nullable(),
    coordinateNote: z.string(),
    country: z.string().nullable(),
    region: z.string(),
    type: z.string(),
    facts: z.array(z.object({ text: z.string(), sourceIds: z.array(z.uuid()) })),
  })
  .meta({ id: "Site" });
export type SiteDto = z.infer<typeof siteDto>;

export const observationDto = z
  .object({
    ...recordMeta,
    summary: z.string(),
    kind: z.string(),
    site: z.object({ id: z.uuid(), name: z.string(), externalId: z.string().nullable() }).nullable(),
    observed: z
      .object({
        precision: z.enum(["day", "month", "range"]),
        date: z.string().optional(),
        month: z.string().optional(),
        start: z.string().describe("First day covered."),
        end: z.string().describe("Last day covered."),
      })
      .describe("As entered, plus the first and last day it covers."),
    quantities: z.array(
      z.object({ metric: z.string(), value: z.number(), unit: z.string().nullable(), approximate: z.boolean() }),
    ),
    qualitative: z.array(z.object({ metric: z.string(), text: z.string() })),
    ships: z.array(z.string()),
    credibility: z.number().int().min(1).max(6),
    sources: z.array(
      z.object({
        id: z.uuid(),
        externalId: z.string().nullable(),
        publisher: z.string(),
        title: z.string().nullable(),
        reliability: z.enum(SOURCE_RELIABILITY_GRADES),
        attributedTo: z
          .string()
          .nullable()
          .describe("Who this source says the information came from; null: the source's own publisher."),
      }),
    ),
    notes: z.string(),
    inferredFields: z.array(z.string()),
    retraction: z
      .object({ reason: z.string(), at: z.iso.datetime(), by: personRef.nullable() })
      .nullable()
      .describe("Set once retracted; retracted observations stay listed and citable, marked as such."),
  })
  .meta({ id: "Observation" });
export type ObservationDto = z.infer<typeof observationDto>;

export const evidenceRevisionDto = z
  .object({
    revision: z.number().int(),
    action: z.string().describe("created, updated, retracted, imported, attachment_added or attachment_removed"),
    at: z.iso.datetime(),
    by: personRef.nullable(),
    snapshot: z
      .record(z.string(), z.unknown())
      .describe(
        "The record as the API returned it after this change; an observation's also lists its images " +
          "(attachments: id, fileName, mediaType, byteSize, sha256, caption) as they stood after it.",
      ),
  })
  .meta({ id: "EvidenceRevision" });
export type EvidenceRevisionDto = z.infer<typeof evidenceRevisionDto>;

/** Query of `GET …/evidence/export`. */
export const exportEvidenceQuery = z.object({
  format: z
    .enum(["json", "csv"], { error: "Use format=json or format=csv." })
    .optional()
    .describe("json (default): the whole library, importable; csv: the observations."),
});

const importCounts = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  differing: z
    .array(z.object({ id: z.string().describe("The record's id in the file."), fields: z.array(z.string()) }))
    .describe(
      "Records already in the library whose fields in the file (named as in the file) differ from it: not applied, the library keeps its own.",
    ),
});

/** Response of `POST …/evidence/import`. */
export const importEvidenceResult = z
  .object({
    sources: importCounts,
    sites: importCounts,
    observations: importCounts.describe(
      "existing: already in the library (same file id), left as they are; differing: those the file says otherwise.",
    ),
    ignoredFields: z
      .array(z.string())
      .describe(
        "Fields of the file's records the library has no place for (`<collection>.<field>`, e.g. `sites.owner`): not imported.",
      ),
  })
  .meta({ id: "ImportEvidenceResult" });
