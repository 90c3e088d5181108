import { type SQL, sql } from "drizzle-orm";
import { type Executor, getDatabase } from "@/db/client";
import { AppError } from "@/lib/errors";
import { withoutNulCharacters } from "@/lib/nul-character";
import {
  SEARCH_LIMIT_DEFAULT,
  type SearchQuery,
  type SearchQueryInput,
  type SearchResults,
  searchQuery,
} from "@/lib/schemas/search";
import type { Actor } from "../auth/actor";
import { checkInput } from "../http/parse-input";
import { requireMembership } from "../policies/require-membership";
import { type HitKey, searchDetails } from "./search-details";
import { searchableTypes, searchSubqueries } from "./search-subqueries";
import { searchTsquery } from "./search-tsquery";
import { MATCH_END, MATCH_START, type SearchRow, toSearchHit } from "./to-search-hit";

export interface SearchEverythingOptions {
  /** Any signed-in user; hits come only from workspaces they are a member of (all for the CLI operator). */
  actor: Actor;
  /** The query and filters as typed or sent (`?q=…&type=…`); validated here, 422 with field messages. */
  query: SearchQueryInput;
}

// Short passages around the matches: enough to judge a hit, short enough for a result list.
const HEADLINE_OPTIONS =
  `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, ShortWord=3, ` +
  `MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The query and filters, or a 422 naming each field that cannot be searched. NUL characters are
 * dropped from `q` (PostgreSQL cannot hold them, and a query never fails for what is typed);
 * the filters are checked by `checkInput` like any input.
 */
export function parseSearchQuery(input: SearchQueryInput): SearchQuery {
  const q = typeof input.q === "string" ? withoutNulCharacters(input.q) : input.q;
  const result = checkInput(searchQuery, { ...input, q });
  if (!result.success) {
    throw new AppError("unprocessable:search_query", "This search cannot be run.", { fields: result.fields });
  }
  return result.data;
}

/** The workspaces the caller may search, as the `scope` CTE (id). */
async function scopeOf(db: Executor, actor: Actor, workspaceId: string | undefined): Promise<SQL> {
  // Naming a workspace one is not a member of is the same 404 as for any other route about it.
  if (workspaceId) await requireMembership({ db, workspaceId, actor });
  const named = workspaceId ? sql`w.id = ${workspaceId}` : sql`true`;
  // Membership is read in the same statement as the hits: a member removed a moment ago finds
  // nothing more, and an API token searches exactly as its user, no wider.
  const member =
    actor.via === "operator"
      ? sql`true`
      : sql`w.id in (select m.workspace_id from memberships m where m.user_id = ${actor.id})`;
  return sql`select w.id from workspaces w where ${named} and ${member}`;
}

/** `db.execute` rows: postgres.js returns an array, PGlite an object holding `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The page of hits, best first: keys and ranks only (the details are read for these alone). */
async function rankHits(db: Executor, scope: SQL, query: SearchQuery, q: SQL, limit: number, offset: number) {
  const types = searchableTypes(query);
  if (types.length === 0) return [];
  const result = await db.execute(sql`
    with scope as (${scope})
    select type, id, workspace_id, assessment_id, rank from (${searchSubqueries(types, query, q, limit + offset)}) hits
    order by rank desc, type, id, assessment_id limit ${limit} offset ${offset}`);
  return rowsOf<HitKey & { workspace_id: string; rank: number | string }>(result);
}

/**
 * Full-text search over the assessments, judgements, observations, sources and comments of the
 * caller's workspaces: ranked by `ts_rank` (title and statement words above body words),
 * each hit with a highlighted passage. Ranking is one statement over every match; ts_headline,
 * the costly part, then runs only on the page of hits returned.
 */
export async function searchEverything(options: SearchEverythingOptions): Promise<SearchResults> {
  const query = parseSearchQuery(options.query);
  const db = getDatabase();
  const scope = await scopeOf(db, options.actor, query.workspaceId);
  const limit = query.limit ?? SEARCH_LIMIT_DEFAULT;
  const offset = query.offset ?? 0;
  const q = searchTsquery(query.q);
  const { ranked, details } = await db.transaction(async (tx) => {
    // The planner guesses 100 citations per judgement for a site filter (jsonb_array_elements),
    // which lifts a 40 ms search past jit_above_cost; compiling it then took 170 ms. A search is
    // short work that JIT never pays back.
    await tx.execute(sql`set local jit = off`);
    const ranked = await rankHits(tx, scope, query, q, limit + 1, offset);
    const page = ranked.slice(0, limit);
    if (page.length === 0) return { ranked, details: [] };
    const result = await tx.execute(sql`
      select type, id, assessment_id, workspace_name, title, facts,
        ts_headline('english', translate(body, ${MATCH_START + MATCH_END}, ''), ${q}, ${HEADLINE_OPTIONS}) as snippet
      from (${searchDetails(page, q)}) details`);
    return { ranked, details: rowsOf<Omit<SearchRow, "rank" | "workspace_id">>(result) };
  });
  const page = ranked.slice(0, limit);
  const keyOf = (row: HitKey) => `${row.type}:${row.assessment_id ?? ""}:${row.id}`;
  const byKey = new Map(details.map((row) => [keyOf(row), row]));
  const hits = page.flatMap((hit) => {
    const detail = byKey.get(keyOf(hit));
    // A record deleted between the two statements is simply left out.
    return detail ? [toSearchHit({ ...detail, workspace_id: hit.workspace_id, rank: hit.rank })] : [];
  });
  return { hits, nextOffset: ranked.length > limit ? offset + limit : null };
}
