import { bigserial, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assessments } from "./assessments";
import { tsvector, weightedSearchText } from "./search-vector";
import { users } from "./users";

/**
 * Raw bytes. postgres.js hands back a Buffer and PGlite a Uint8Array; both are normalised to a
 * plain Uint8Array view so Yjs code never sees driver-specific types.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | string }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => {
    if (typeof value === "string") return Uint8Array.from(Buffer.from(value.replace(/^\\x/, ""), "hex"));
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  },
});

/**
 * The append-only log of accepted Yjs updates of a document (an assessment's text). A row is
 * written before its sender is acknowledged; compaction folds rows into `document_snapshots`
 * and deletes exactly the rows it folded.
 */
export const documentUpdates = pgTable(
  "document_updates",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    documentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    /** A Yjs update (v1 encoding), exactly as the client sent it after validation. */
    update: bytea().notNull(),
    /** Who sent the update (for history and attribution); null once the user is deleted. */
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("document_updates_document_idx").on(t.documentId, t.id)],
);
export type DocumentUpdate = typeof documentUpdates.$inferSelect;

/** The compacted state of a document: loading is this snapshot plus every remaining update row. */
export const documentSnapshots = pgTable("document_snapshots", {
  documentId: uuid()
    .primaryKey()
    .references(() => assessments.id, { onDelete: "cascade" }),
  /** `Y.encodeStateAsUpdate` of the document rebuilt from the previous snapshot and the folded rows. */
  state: bytea().notNull(),
  /** Incremented by every compaction; other processes reload the snapshot when it changes. */
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type DocumentSnapshot = typeof documentSnapshots.$inferSelect;

/**
 * A derived, possibly slightly stale copy of a document's text for search and export. Written
 * a few seconds after edits; never read back into the live document.
 */
export const documentContent = pgTable(
  "document_content",
  {
    documentId: uuid()
      .primaryKey()
      .references(() => assessments.id, { onDelete: "cascade" }),
    /** ProseMirror JSON of the `default` XML fragment (what Tiptap's Collaboration extension edits). */
    json: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Plain text, one line per block. */
    text: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector().generatedAlwaysAs(weightedSearchText([["text", "C"]])),
  },
  (t) => [index("document_content_search_idx").using("gin", t.searchVector)],
);
export type DocumentContent = typeof documentContent.$inferSelect;
