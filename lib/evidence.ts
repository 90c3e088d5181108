/**
 * Vocabularies of the evidence library, shared by the database schema, the zod schemas and the UI.
 * The grading scales themselves live in lib/standards/admiralty.ts.
 */
export const SOURCE_TYPES = [
  "imagery",
  "official_statement",
  "media",
  "think_tank_analysis",
  "trade_data",
  "reference",
  "other",
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  imagery: "Imagery",
  official_statement: "Official statement",
  media: "Media",
  think_tank_analysis: "Think-tank analysis",
  trade_data: "Trade data",
  reference: "Reference",
  other: "Other",
};

/** How well a site's coordinates pin it down. */
export const COORDINATE_PRECISIONS = ["exact", "approx_1km", "approx_10km", "town"] as const;
export type CoordinatePrecision = (typeof COORDINATE_PRECISIONS)[number];

export const COORDINATE_PRECISION_LABELS: Record<CoordinatePrecision, string> = {
  exact: "Exact",
  approx_1km: "Within about 1 km",
  approx_10km: "Within about 10 km",
  town: "Town or village position",
};

/** How precisely an observation is dated: one day, one calendar month, or a range of days. */
export const DATE_PRECISIONS = ["day", "month", "range"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** The records of the evidence library that keep a revision history. */
export const EVIDENCE_KINDS = ["source", "site", "observation"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
