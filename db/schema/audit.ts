import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Append-only record of who did what. Never updated or deleted by the application. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Verb-noun, e.g. `member.role_changed`. */
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_workspace_idx").on(t.workspaceId, t.createdAt),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;
