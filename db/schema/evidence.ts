import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { COORDINATE_PRECISIONS, DATE_PRECISIONS, EVIDENCE_KINDS, SOURCE_TYPES } from "../../lib/evidence";
import { SOURCE_RELIABILITY_GRADES } from "../../lib/standards/admiralty";
import { bytea } from "./documents";
import { tsvector, weightedSearchText } from "./search-vector";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const sourceType = pgEnum("source_type", SOURCE_TYPES);
export const sourceReliability = pgEnum("source_reliability", SOURCE_RELIABILITY_GRADES);
export const coordinatePrecision = pgEnum("coordinate_precision", COORDINATE_PRECISIONS);
export const datePrecision = pgEnum("date_precision", DATE_PRECISIONS);
export const evidenceKind = pgEnum("evidence_kind", EVIDENCE_KINDS);

/** One measured quantity of an observation, e.g. `rail_cars ≈ 50`. */
export interface QuantityValue {
  metric: string;
  value: number;
  unit: string | null;
  approximate: boolean;
}

/** Something a source says about a site ("about 290 km from the Ukrainian border"), with the sources that say it. */
export interface SiteFact {
  text: string;
  /** Ids of sources of the same workspace, in the order given. */
  sourceIds: string[];
}

/** A count reported only in words ("slightly over half"), kept apart so quantities stay numeric. */
export interface QualitativeValue {
  metric: string;
  text: string;
}

// Columns every library record has: its workspace, the id it had in an imported file (unique per
// workspace, so re-importing the same file finds it) and the revision counter for optimistic locking.
const recordColumns = () => ({
  id: uuid().primaryKey().defaultRandom(),
  workspaceId: uuid()
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  externalId: text(),
  revision: integer().notNull().default(1),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const sources = pgTable(
  "sources",
  {
    ...recordColumns(),
    publisher: text().notNull(),
    title: text(),
    titleNote: text(),
    url: text(),
    /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: publications are often dated only to the month. */
    publishedOn: text(),
    dateNote: text(),
    type: sourceType().notNull(),
    /** The type as the originator or an imported file described it, e.g. "think-tank imagery analysis (relayed)". */
    typeDetail: text(),
    authors: jsonb().$type<string[]>().notNull().default([]),
    reliability: sourceReliability().notNull(),
    reliabilityRationale: text().notNull().default(""),
    descriptor: text().notNull().default(""),
    retrievedOn: date({ mode: "string" }),
    /** Where the source was found (URLs of the pages that cite or relay it): its provenance trail. */
    foundIn: jsonb().$type<string[]>().notNull().default([]),
    searchVector: tsvector().generatedAlwaysAs(
      weightedSearchText([
        ["title", "A"],
        ["publisher", "B"],
        ["descriptor", "C"],
        ["type_detail", "C"],
      ]),
    ),
  },
  (t) => [
    index("sources_search_idx").using("gin", t.searchVector),
    uniqueIndex("sources_workspace_external_idx").on(t.workspaceId, t.externalId),
    index("sources_workspace_idx").on(t.workspaceId, t.publisher),
  ],
);
export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;

export const sites = pgTable(
  "sites",
  {
    ...recordColumns(),
    name: text().notNull(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    coordinatePrecision: coordinatePrecision(),
    coordinateNote: text().notNull().default(""),
    /** ISO 3166-1 alpha-2. */
    country: text(),
    region: text().notNull().default(""),
    type: text().notNull().default(""),
    /** What sources say about the site (distances, size, identification), each with its sources. */
    facts: jsonb().$type<SiteFact[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("sites_workspace_external_idx").on(t.workspaceId, t.externalId),
    index("sites_workspace_idx").on(t.workspaceId, t.name),
  ],
);
export type Site = typeof sites.$inferSelect;
export type NewSite = typeof sites.$inferInsert;

export const observations = pgTable(
  "observations",
  {
    ...recordColumns(),
    summary: text().notNull(),
    kind: text().notNull().default(""),
    siteId: uuid().references(() => sites.id, { onDelete: "restrict" }),
    observedPrecision: datePrecision().notNull(),
    observedStart: date({ mode: "string" }).notNull(),
    observedEnd: date({ mode: "string" }).notNull(),
    quantities: jsonb().$type<QuantityValue[]>().notNull().default([]),
    qualitative: jsonb().$type<QualitativeValue[]>().notNull().default([]),
    ships: jsonb().$type<string[]>().notNull().default([]),
    credibility: smallint().notNull(),
    notes: text().notNull().default(""),
    inferredFields: jsonb().$type<string[]>().notNull().default([]),
    retractedAt: timestamp({ withTimezone: true }),
    retractedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    retractionReason: text(),
    searchVector: tsvector().generatedAlwaysAs(
      weightedSearchText([
        ["summary", "A"],
        ["kind", "B"],
        ["notes", "C"],
      ]),
    ),
  },
  (t) => [
    index("observations_search_idx").using("gin", t.searchVector),
    uniqueIndex("observations_workspace_external_idx").on(t.workspaceId, t.externalId),
    index("observations_workspace_observed_idx").on(t.workspaceId, t.observedStart),
    index("observations_site_idx").on(t.siteId),
  ],
);
export type Observation = typeof observations.$inferSelect;
export type NewObservation = typeof observations.$inferInsert;

/** The sources an observation comes from, in the order the analyst listed them. */
export const observationSources = pgTable(
  "observation_sources",
  {
    observationId: uuid()
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    position: smallint().notNull(),
    /**
     * Who this source says the information came from, when it relays someone else's claim
     * (e.g. a report attributing a State Department figure to the White House). Null: the
     * source's own publisher.
     */
    attributedTo: text(),
  },
  (t) => [
    primaryKey({ columns: [t.observationId, t.sourceId] }),
    index("observation_sources_source_idx").on(t.sourceId),
  ],
);

/** Every version of every library record, as the full JSON the API returned after the change. */
export const evidenceRevisions = pgTable(
  "evidence_revisions",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: evidenceKind().notNull(),
    recordId: uuid().notNull(),
    revision: integer().notNull(),
    /** `created`, `updated`, `retracted` or `imported`. */
    action: text().notNull(),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId, t.revision] })],
);
export type EvidenceRevision = typeof evidenceRevisions.$inferSelect;

/**
 * Images attached to an observation (imagery excerpts, screenshots of a statement). Bytes live
 * in the database so backups and scale-out need nothing else; size and type are checked from
 * the bytes themselves before a row is written.
 */
export const observationAttachments = pgTable(
  "observation_attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    observationId: uuid()
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    /** Sniffed from the bytes (image/png, image/jpeg, image/gif, image/webp), never taken from the client. */
    mediaType: text().notNull(),
    byteSize: integer().notNull(),
    /** Hex SHA-256 of the bytes: the same image attached twice is one attachment. */
    sha256: text().notNull(),
    data: bytea().notNull(),
    caption: text().notNull().default(""),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("observation_attachments_observation_sha_idx").on(t.observationId, t.sha256)],
);
export type ObservationAttachment = typeof observationAttachments.$inferSelect;
