import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { CONFIDENCE_LEVELS } from "../../lib/standards/confidence";
import { LIKELIHOOD_BANDS } from "../../lib/standards/icd203";
import { assessments } from "./assessments";
import { tsvector, weightedSearchText } from "./search-vector";
import { workspaces } from "./workspaces";

export const likelihoodBand = pgEnum("likelihood_band", LIKELIHOOD_BANDS);
export const confidenceLevel = pgEnum("confidence_level", CONFIDENCE_LEVELS);

/**
 * The judgements of each assessment as last persisted: a projection of the judgement blocks of
 * the assessment's Y.Doc, rewritten by the server after edits. Derived data: the document log
 * is the source of truth, so a row may trail the live text by a few seconds.
 */
export const judgements = pgTable(
  "judgements",
  {
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    /** The block's stable id ("jdg_…"). */
    id: text().notNull(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Order of the block in the document, from 0. */
    position: integer().notNull(),
    /** The statement as plain text. */
    statement: text().notNull(),
    likelihood: likelihoodBand(),
    confidence: confidenceLevel(),
    isKey: boolean().notNull().default(false),
    /** Cited observations of the assessment's workspace, in citation order. */
    citedObservationIds: jsonb().$type<string[]>().notNull().default([]),
    /** Citations that name no observation of this workspace (deleted, foreign or mistyped). */
    unresolvedCitations: jsonb().$type<string[]>().notNull().default([]),
    /** SHA-256 of statement, fields and citations: changes exactly when the judgement does. */
    contentHash: text().notNull(),
    /** Users who sent edits while the judgement changed, in order of first contribution. */
    authorIds: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector().generatedAlwaysAs(weightedSearchText([["statement", "A"]])),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.id] }),
    index("judgements_workspace_idx").on(t.workspaceId),
    index("judgements_search_idx").using("gin", t.searchVector),
  ],
);
export type JudgementRow = typeof judgements.$inferSelect;
export type NewJudgementRow = typeof judgements.$inferInsert;
