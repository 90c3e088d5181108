import { type SQL, sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

/** PostgreSQL's `tsvector`: only ever written by the database (generated columns), never by the app. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A weighted English document over text columns (SQL names), for a generated `tsvector` column.
 * The configuration is a literal so the expression is immutable, as generated columns require.
 */
export function weightedSearchText(columns: readonly [name: string, weight: "A" | "B" | "C" | "D"][]): SQL {
  return sql.raw(
    columns
      .map(([name, weight]) => `setweight(to_tsvector('english'::regconfig, coalesce("${name}", '')), '${weight}')`)
      .join(" || "),
  );
}
