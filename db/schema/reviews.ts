import { bigserial, boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assessments } from "./assessments";
import { confidenceLevel, likelihoodBand } from "./judgements";
import { tsvector, weightedSearchText } from "./search-vector";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const reviewVerdict = pgEnum("review_verdict", ["approved", "changes_requested"]);

/**
 * Every distinct content of every judgement, appended by the projection whenever a judgement's
 * content hash changes, with the users who edited that block. Answers "what changed
 * since the approval" and "did this reviewer change it since". Append-only.
 */
export const judgementRevisions = pgTable(
  "judgement_revisions",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    judgementId: text().notNull(),
    contentHash: text().notNull(),
    statement: text().notNull(),
    likelihood: likelihoodBand(),
    confidence: confidenceLevel(),
    isKey: boolean().notNull(),
    citedObservationIds: jsonb().$type<string[]>().notNull(),
    /** Users whose edits touched this judgement block in the changes this content covers. */
    editorIds: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("judgement_revisions_judgement_idx").on(t.assessmentId, t.judgementId, t.id)],
);
export type JudgementRevision = typeof judgementRevisions.$inferSelect;

/**
 * A reviewer's verdict on one judgement. `reviewedHash` covers exactly what was reviewed: the
 * statement, likelihood, confidence, the sorted cited observation ids and each cited
 * observation's revision and grades; the review is stale once the same hash computed now
 * differs. Rows are never updated: a new verdict is a new row, the latest per reviewer counts.
 */
export const judgementReviews = pgTable(
  "judgement_reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    judgementId: text().notNull(),
    reviewerId: uuid().references(() => users.id, { onDelete: "set null" }),
    verdict: reviewVerdict().notNull(),
    reviewedHash: text().notNull(),
    /** What was reviewed, as the hash saw it: statement, fields, citations with revisions and grades. */
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Required when requesting changes. */
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("judgement_reviews_judgement_idx").on(t.assessmentId, t.judgementId, t.createdAt)],
);
export type JudgementReview = typeof judgementReviews.$inferSelect;

/**
 * A comment thread on an assessment: on a judgement (`judgementId`) and/or anchored to a text
 * range by Yjs relative positions (base64 of `Y.encodeRelativePosition`), so the anchor follows
 * concurrent edits. `quote` keeps the anchored text for when that text is deleted (detached).
 */
export const commentThreads = pgTable(
  "comment_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    judgementId: text(),
    anchorStart: text(),
    anchorEnd: text(),
    quote: text().notNull().default(""),
    /** A blocking thread must be resolved before the assessment can be approved. */
    isBlocking: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("comment_threads_assessment_idx").on(t.assessmentId, t.createdAt)],
);
export type CommentThread = typeof commentThreads.$inferSelect;

/** One comment of a thread. Bodies are plain text (rendered escaped); deleting keeps a tombstone. */
export const comments = pgTable(
  "comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => commentThreads.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    /** Members @mentioned in the body. */
    mentionIds: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    searchVector: tsvector().generatedAlwaysAs(weightedSearchText([["body", "B"]])),
  },
  (t) => [
    index("comments_thread_idx").on(t.threadId, t.createdAt),
    index("comments_search_idx").using("gin", t.searchVector),
  ],
);
export type Comment = typeof comments.$inferSelect;
