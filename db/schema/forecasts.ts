import {
  date,
  doublePrecision,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { assessments } from "./assessments";
import { likelihoodBand } from "./judgements";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const forecastOutcome = pgEnum("forecast_outcome", ["happened", "did_not_happen", "annulled"]);

/**
 * A judgement read as a forecast: by when and by what criterion it resolves, optionally an
 * explicit probability inside its likelihood band, and once resolved the outcome with the
 * band, probability and Brier score frozen at resolution (later edits never rescore it).
 * Keyed like `judgements` (assessment, block id) but kept when the block is removed.
 */
export const judgementForecasts = pgTable(
  "judgement_forecasts",
  {
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    judgementId: text().notNull(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    resolveBy: date({ mode: "string" }).notNull(),
    criterion: text().notNull(),
    /** An explicit probability (0–1) that must lie inside the judgement's band; null → the band's midpoint. */
    pointEstimate: doublePrecision(),
    setBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    outcome: forecastOutcome(),
    /** The band and probability scored, as they were when the outcome was recorded. */
    scoredLikelihood: likelihoodBand(),
    scoredProbability: doublePrecision(),
    /** (p − o)², null for annulled forecasts. */
    brierScore: doublePrecision(),
    /** The judgement's authors when it was resolved (calibration per analyst). */
    analystIds: jsonb().$type<string[]>().notNull().default([]),
    /** Reviewers whose approval was current when it was resolved (calibration per reviewer). */
    reviewerIds: jsonb().$type<string[]>().notNull().default([]),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    outcomeNote: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.judgementId] }),
    index("judgement_forecasts_workspace_due_idx").on(t.workspaceId, t.resolveBy),
  ],
);
export type JudgementForecast = typeof judgementForecasts.$inferSelect;
