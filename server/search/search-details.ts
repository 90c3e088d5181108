import { type SQL, sql } from "drizzle-orm";
import type { SearchType } from "@/lib/schemas/search";

// What a hit shows, read for the page of ranked hits only: title, the passage ts_headline picks
// (the costly part of search, so never run on every match) and facts. Every SELECT returns
//   type, id, assessment_id, workspace_name, title, body, facts
// and `body` is turned into the snippet by the caller's ts_headline.

/** A ranked hit's key. Judgement block ids are unique only within their assessment. */
export interface HitKey {
  type: SearchType;
  id: string;
  assessment_id: string | null;
}

const day = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;
const ids = (keys: HitKey[]) =>
  sql.join(
    keys.map((key) => sql`${key.id}::uuid`),
    sql`, `,
  );

// An assessment's text is the whole document; ts_headline over every word of 20 documents costs
// more than the whole ranking. The passage is picked from the first lines (blocks) that match,
// found by parsing line after line only until three match; the start of the text otherwise.
const matchingLines = (text: SQL, q: SQL) => sql`coalesce(
  (select string_agg(line, E'\n' order by n) from (
    select line, n from regexp_split_to_table(${text}, E'\n') with ordinality as lines(line, n)
    where to_tsvector('english', line) @@ ${q} order by n limit 3) matching),
  left(${text}, 400))`;

const DETAILS: Record<SearchType, (keys: HitKey[], q: SQL) => SQL> = {
  assessment: (keys, q) => sql`select 'assessment' as type, a.id::text as id, a.id as assessment_id,
      w.name as workspace_name, a.title, concat_ws(E'\n', nullif(a.key_question, ''), ${matchingLines(sql`dc.text`, q)}) as body,
      jsonb_build_object('status', a.status, 'archived', a.archived_at is not null, 'date', ${day(sql`a.updated_at`)}) as facts
    from assessments a join workspaces w on w.id = a.workspace_id left join document_content dc on dc.document_id = a.id
    where a.id in (${ids(keys)})`,
  judgement: (keys) => sql`select 'judgement' as type, j.id, j.assessment_id, w.name as workspace_name,
      a.title, j.statement as body,
      jsonb_build_object('status', a.status, 'isKey', j.is_key, 'date', ${day(sql`j.updated_at`)}) as facts
    from judgements j join assessments a on a.id = j.assessment_id join workspaces w on w.id = j.workspace_id
    where (j.assessment_id, j.id) in (${sql.join(
      keys.map((key) => sql`(${key.assessment_id}::uuid, ${key.id})`),
      sql`, `,
    )})`,
  observation: (keys) => sql`select 'observation' as type, o.id::text as id, null::uuid as assessment_id,
      w.name as workspace_name, coalesce(si.name, '') as title, concat_ws(E'\n', o.summary, nullif(o.notes, '')) as body,
      jsonb_build_object('kind', o.kind, 'start', o.observed_start::text, 'end', o.observed_end::text,
        'credibility', o.credibility, 'retracted', o.retracted_at is not null) as facts
    from observations o join workspaces w on w.id = o.workspace_id left join sites si on si.id = o.site_id
    where o.id in (${ids(keys)})`,
  source: (keys) => sql`select 'source' as type, src.id::text as id, null::uuid as assessment_id,
      w.name as workspace_name, coalesce(nullif(src.title, ''), src.publisher) as title,
      concat_ws(E'\n', src.title, src.publisher, nullif(src.descriptor, ''), src.type_detail) as body,
      jsonb_build_object('publisher', src.publisher, 'reliability', src.reliability, 'publishedOn', src.published_on) as facts
    from sources src join workspaces w on w.id = src.workspace_id
    where src.id in (${ids(keys)})`,
  comment: (keys) => sql`select 'comment' as type, c.id::text as id, t.assessment_id, w.name as workspace_name,
      a.title, c.body,
      jsonb_build_object('threadId', t.id, 'status', a.status, 'resolved', t.resolved_at is not null,
        'author', u.name, 'date', ${day(sql`coalesce(c.edited_at, c.created_at)`)}) as facts
    from comments c join comment_threads t on t.id = c.thread_id join assessments a on a.id = t.assessment_id
      join workspaces w on w.id = t.workspace_id left join users u on u.id = c.author_id
    where c.id in (${ids(keys)})`,
};

/** The UNION ALL of the detail SELECTs of the types among `keys` (which must not be empty). */
export function searchDetails(keys: HitKey[], q: SQL): SQL {
  const types = [...new Set(keys.map((key) => key.type))];
  return sql.join(
    types.map(
      (type) =>
        sql`(${DETAILS[type](
          keys.filter((key) => key.type === type),
          q,
        )})`,
    ),
    sql` union all `,
  );
}
