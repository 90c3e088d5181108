import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";

type Row = Record<string, unknown>;

async function rowsOf(query: ReturnType<typeof sql>): Promise<Row[]> {
  // PGlite answers { rows }, postgres-js an array of rows.
  const result = (await getDatabase().execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

let statement: ReturnType<typeof sql> | undefined;

/**
 * What a refused call must leave as it was: the number of rows of every table (audit events
 * included, and every change through a domain function writes one), plus the changes that
 * touch no row count: read notifications, resolved threads, revoked tokens, roles and statuses.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  if (!statement) {
    const tables = await rowsOf(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    const counts = tables.map(
      ({ name }) => `select '${String(name)}' as name, count(*)::text as value from "${String(name)}"`,
    );
    statement = sql.raw(
      [
        ...counts,
        "select 'read notifications', count(*)::text from notifications where read_at is not null",
        "select 'resolved threads', count(*)::text from comment_threads where resolved_at is not null",
        "select 'revoked tokens', count(*)::text from api_tokens where revoked_at is not null",
        "select 'roles', coalesce(string_agg(role::text, ',' order by workspace_id, user_id), '') from memberships",
        "select 'statuses', coalesce(string_agg(status::text || coalesce(archived_at::text, ''), ',' order by id), '') from assessments",
        "select 'workspaces', coalesce(string_agg(name || required_approvals || required_key_approvals, ',' order by id), '') from workspaces",
      ].join(" union all "),
    );
  }
  const rows = await rowsOf(statement);
  return Object.fromEntries(rows.map((row) => [String(row.name), String(row.value)]));
}
