import { type SQL, sql } from "drizzle-orm";
import { SEARCH_TYPES, type SearchQuery, type SearchType } from "@/lib/schemas/search";

// Ranking: one SELECT per kind of record, each with the same narrow columns so they UNION ALL:
//   type, id, workspace_id, assessment_id, rank
// Only keys and the rank, because a common word matches tens of thousands of rows; titles,
// passages and facts are read afterwards for the one page of hits (search-details.ts).
// `scope` (the caller's workspaces) is a CTE of the outer query. The tsquery `q` is repeated in
// each SELECT rather than read from a CTE, so the planner sees a constant and can use each
// table's GIN index on `search_vector @@ q` with a real selectivity estimate.
//
// ts_rank, normalisation 32: a rank r becomes r / (r + 1), 0–1 whatever the table, so a source
// title and a judgement statement compare on equal terms. The weights (A title/statement 1.0,
// B 0.4, C body 0.2) are the same in every table, so a title hit outranks a body-only hit.
// ts_rank rather than ts_rank_cd: a common word matches tens of thousands of rows, every one of
// which is ranked, and ts_rank_cd's cover search made that about 1.5 times slower in
// bench/search; ts_rank still rewards query words that stand close together.
const rank = (vector: SQL, q: SQL) => sql`ts_rank(${vector}, ${q}, 32)`;

type Filters = SearchQuery;

const UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

/** `column` (a timestamptz) falls within the query's from–to days, in UTC. */
function changedWithin(column: SQL, filters: Filters): SQL {
  const parts: SQL[] = [];
  if (filters.from) parts.push(sql`(${column} at time zone 'UTC')::date >= ${filters.from}::date`);
  if (filters.to) parts.push(sql`(${column} at time zone 'UTC')::date <= ${filters.to}::date`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

const statusIs = (filters: Filters) => (filters.status ? sql`a.status = ${filters.status}` : sql`true`);

function assessmentHits(filters: Filters, q: SQL): SQL {
  return sql`select 'assessment' as type, a.id::text as id, a.workspace_id, a.id as assessment_id,
      ${rank(sql`(a.search_vector || coalesce(dc.search_vector, ''::tsvector))`, q)} as rank
    from assessments a join scope s on s.id = a.workspace_id
      left join document_content dc on dc.document_id = a.id
    where (a.search_vector @@ ${q} or dc.search_vector @@ ${q})
      and ${statusIs(filters)} and ${changedWithin(sql`a.updated_at`, filters)}`;
}

function judgementHits(filters: Filters, q: SQL): SQL {
  // Judgements "at" a site are those citing an observation made there. A judgement cites a few
  // observations and a site has thousands, so each citation is looked up by primary key (the
  // regex keeps a malformed id from failing the cast) rather than the site's ids listed.
  const atSite = filters.site
    ? sql`exists (select 1 from jsonb_array_elements_text(j.cited_observation_ids) cited(id)
        where (select so.site_id from observations so
          where so.id = case when cited.id ~* ${UUID_PATTERN} then cited.id::uuid end) = ${filters.site})`
    : sql`true`;
  const assessment = filters.status ? sql`join assessments a on a.id = j.assessment_id` : sql``;
  return sql`select 'judgement' as type, j.id, j.workspace_id, j.assessment_id, ${rank(sql`j.search_vector`, q)} as rank
    from judgements j join scope s on s.id = j.workspace_id ${assessment}
    where j.search_vector @@ ${q} and ${statusIs(filters)} and ${atSite}
      and ${changedWithin(sql`j.updated_at`, filters)}`;
}

function observationHits(filters: Filters, q: SQL): SQL {
  const parts: SQL[] = [sql`o.search_vector @@ ${q}`];
  if (filters.site) parts.push(sql`o.site_id = ${filters.site}`);
  // Overlap, as in the library: a period straddling a bound may have been observed inside it.
  if (filters.from) parts.push(sql`o.observed_end >= ${filters.from}::date`);
  if (filters.to) parts.push(sql`o.observed_start <= ${filters.to}::date`);
  // Credibility 6 ("cannot be judged") is above every accepted minimum, so it never passes.
  if (filters.minCredibility !== undefined) parts.push(sql`o.credibility <= ${filters.minCredibility}`);
  if (filters.minReliability) {
    // Enum order is A…F, so "at least C" is `<= 'C'` and F (unknown) never passes.
    parts.push(sql`exists (select 1 from observation_sources os join sources rs on rs.id = os.source_id
      where os.observation_id = o.id and rs.reliability <= ${filters.minReliability}::source_reliability)`);
  }
  return sql`select 'observation' as type, o.id::text as id, o.workspace_id, null::uuid as assessment_id,
      ${rank(sql`o.search_vector`, q)} as rank
    from observations o join scope s on s.id = o.workspace_id
    where ${sql.join(parts, sql` and `)}`;
}

function sourceHits(filters: Filters, q: SQL): SQL {
  const graded = filters.minReliability
    ? sql`src.reliability <= ${filters.minReliability}::source_reliability`
    : sql`true`;
  return sql`select 'source' as type, src.id::text as id, src.workspace_id, null::uuid as assessment_id,
      ${rank(sql`src.search_vector`, q)} as rank
    from sources src join scope s on s.id = src.workspace_id
    where src.search_vector @@ ${q} and ${graded} and ${changedWithin(sql`src.updated_at`, filters)}`;
}

function commentHits(filters: Filters, q: SQL): SQL {
  const assessment = filters.status ? sql`join assessments a on a.id = t.assessment_id` : sql``;
  // Deleted comments keep their body as a tombstone row; it must never be found.
  return sql`select 'comment' as type, c.id::text as id, t.workspace_id, t.assessment_id,
      ${rank(sql`c.search_vector`, q)} as rank
    from comments c join comment_threads t on t.id = c.thread_id join scope s on s.id = t.workspace_id ${assessment}
    where c.search_vector @@ ${q} and c.deleted_at is null and ${statusIs(filters)}
      and ${changedWithin(sql`coalesce(c.edited_at, c.created_at)`, filters)}`;
}

const BUILDERS: Record<SearchType, (filters: Filters, q: SQL) => SQL> = {
  assessment: assessmentHits,
  judgement: judgementHits,
  observation: observationHits,
  source: sourceHits,
  comment: commentHits,
};

/** The types a filter can apply to; a type the filter says nothing about is left out while it is set. */
const FILTERED_TYPES: Partial<Record<keyof Filters, readonly SearchType[]>> = {
  site: ["observation", "judgement"],
  minReliability: ["observation", "source"],
  minCredibility: ["observation"],
  status: ["assessment", "judgement", "comment"],
};

/** The types the query can find: those asked for that every set filter applies to. */
export function searchableTypes(filters: Filters): SearchType[] {
  const asked: readonly SearchType[] = filters.type?.length ? filters.type : SEARCH_TYPES;
  return asked.filter((type) =>
    Object.entries(FILTERED_TYPES).every(
      ([name, types]) => filters[name as keyof Filters] === undefined || types.includes(type),
    ),
  );
}

/**
 * The UNION ALL of the ranking subqueries of `types`, each cut to its own best `top` rows: the
 * overall best `top` are among them, and the final sort then sees a few rows per type instead of
 * every match.
 */
export function searchSubqueries(types: readonly SearchType[], filters: Filters, q: SQL, top: number): SQL {
  return sql.join(
    types.map((type) => sql`(${BUILDERS[type](filters, q)} order by rank desc, id, assessment_id limit ${top})`),
    sql` union all `,
  );
}
