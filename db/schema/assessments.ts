import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assessmentStatus, tlpMarking } from "./enums";
import { tsvector, weightedSearchText } from "./search-vector";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const assessments = pgTable(
  "assessments",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    title: text().notNull(),
    keyQuestion: text().notNull().default(""),
    tlp: tlpMarking().notNull().default("AMBER"),
    status: assessmentStatus().notNull().default("draft"),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
    searchVector: tsvector().generatedAlwaysAs(
      weightedSearchText([
        ["title", "A"],
        ["key_question", "B"],
      ]),
    ),
  },
  (t) => [
    index("assessments_workspace_updated_idx").on(t.workspaceId, t.updatedAt),
    index("assessments_search_idx").using("gin", t.searchVector),
  ],
);
export type Assessment = typeof assessments.$inferSelect;

/** Everyone who created or wrote in an assessment, in order of first contribution. */
export const assessmentAuthors = pgTable(
  "assessment_authors",
  {
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    firstContributedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.userId] }), index("assessment_authors_user_idx").on(t.userId)],
);
