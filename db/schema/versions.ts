import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { assessments } from "./assessments";
import { bytea } from "./documents";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Why a version was frozen: a publication now; history adds automatic and named versions. */
export const assessmentVersionKind = pgEnum("assessment_version_kind", ["published", "named", "automatic"]);

/**
 * A frozen state of an assessment: the Y.Doc (`Y.encodeStateAsUpdate`), the rendered HTML and the
 * structured JSON (judgements with likelihood, confidence, grades and citations) as they were.
 * Immutable: a trigger refuses every UPDATE, and DELETE outside the assessment's own cascade.
 * `number` counts an assessment's versions from 1 and is part of the version's stable URL.
 */
export const assessmentVersions = pgTable(
  "assessment_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    kind: assessmentVersionKind().notNull(),
    /** A named version's name; for a publication, its title at the time. */
    name: text().notNull().default(""),
    title: text().notNull(),
    ydocState: bytea().notNull(),
    html: text().notNull(),
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("assessment_versions_number_unique").on(t.assessmentId, t.number),
    index("assessment_versions_assessment_idx").on(t.assessmentId, t.createdAt),
  ],
);
export type AssessmentVersion = typeof assessmentVersions.$inferSelect;

/** The reviewers asked to review an assessment (draft → in_review), and when. */
export const reviewRequests = pgTable(
  "review_requests",
  {
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.reviewerId] }),
    index("review_requests_reviewer_idx").on(t.reviewerId),
  ],
);
export type ReviewRequest = typeof reviewRequests.$inferSelect;

export const notificationKind = pgEnum("notification_kind", [
  "review_requested",
  "mentioned",
  "changes_requested",
  "approval_stale",
  "published",
  "forecast_resolved",
  "forecast_due",
]);

/**
 * An in-app notification for one user. `subjectKey` makes recording idempotent where an event can
 * be noticed twice (e.g. an approval going stale is noticed once per approval: its review id).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assessmentId: uuid().references(() => assessments.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    judgementId: text(),
    threadId: uuid(),
    /** What happened, in one line, written when recorded (plain text, rendered escaped). */
    summary: text().notNull(),
    subjectKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    unique("notifications_subject_unique").on(t.userId, t.kind, t.subjectKey),
  ],
);
export type Notification = typeof notifications.$inferSelect;
