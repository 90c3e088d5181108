import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from "@/lib/assessment-status";
import type { SearchHit, SearchType, SnippetPart } from "@/lib/schemas/search";
import {
  INFORMATION_CREDIBILITY,
  type InformationCredibility,
  SOURCE_RELIABILITY,
  type SourceReliability,
} from "@/lib/standards/admiralty";

/**
 * Markers ts_headline puts around matched words: control characters that cannot come from the
 * text, because the query strips them from it first. Markup-like markers (`<b>`) could be typed
 * by a user and would then look like highlights, or worse, like HTML.
 */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

/** One row of the search query, as the database returns it. */
export interface SearchRow {
  type: SearchType;
  id: string;
  workspace_id: string;
  workspace_name: string;
  assessment_id: string | null;
  title: string;
  rank: number | string;
  facts: Record<string, unknown> | string;
  snippet: string;
}

/** Splits a headline at the markers into plain-text parts; matched parts are flagged, never markup. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = headline;
  while (rest) {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) break;
    const end = rest.indexOf(MATCH_END, start);
    if (end < 0) break;
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    parts.push({ text: rest.slice(start + 1, end), match: true });
    rest = rest.slice(end + 1);
  }
  // Whatever is left (or a stray marker) is plain text, markers removed.
  const tail = rest.replaceAll(MATCH_START, "").replaceAll(MATCH_END, "");
  if (tail) parts.push({ text: tail, match: false });
  return parts;
}

const statusLabel = (status: unknown) => ASSESSMENT_STATUS_LABELS[status as AssessmentStatus] ?? String(status);

/** Short facts that tell hits of one type apart. */
function contextOf(type: SearchType, facts: Record<string, unknown>): string {
  const parts: (string | false | null | undefined)[] = [];
  if (type === "assessment") {
    parts.push(statusLabel(facts.status), facts.archived === true && "archived", `changed ${facts.date}`);
  } else if (type === "judgement") {
    parts.push(facts.isKey === true && "key judgement", statusLabel(facts.status), `changed ${facts.date}`);
  } else if (type === "observation") {
    const credibility = Number(facts.credibility) as InformationCredibility;
    const observed = facts.start === facts.end ? `${facts.start}` : `${facts.start} – ${facts.end}`;
    parts.push(
      typeof facts.kind === "string" && facts.kind,
      `observed ${observed}`,
      `credibility ${credibility} (${INFORMATION_CREDIBILITY[credibility] ?? "unknown"})`,
      facts.retracted === true && "retracted",
    );
  } else if (type === "source") {
    parts.push(
      String(facts.publisher),
      `reliability ${facts.reliability} (${SOURCE_RELIABILITY[facts.reliability as SourceReliability] ?? "unknown"})`,
      typeof facts.publishedOn === "string" && `published ${facts.publishedOn}`,
    );
  } else {
    parts.push(
      typeof facts.author === "string" && `by ${facts.author}`,
      facts.resolved === true && "resolved thread",
      `on ${facts.date}`,
    );
  }
  return parts.filter((part): part is string => typeof part === "string" && part.length > 0).join(" · ");
}

/** The web page of a hit. */
function urlOf(row: SearchRow, facts: Record<string, unknown>): string {
  const workspace = `/w/${row.workspace_id}`;
  switch (row.type) {
    case "assessment":
      return `${workspace}/a/${row.id}`;
    case "judgement":
      return `${workspace}/a/${row.assessment_id}#judgement-${encodeURIComponent(row.id)}`;
    case "comment":
      return `${workspace}/a/${row.assessment_id}#thread-${facts.threadId}`;
    case "observation":
      return `${workspace}/library/observations/${row.id}`;
    case "source":
      return `${workspace}/library/sources/${row.id}`;
  }
}

/** What a row becomes in the API: titles for records without one, a safe snippet, a link. */
export function toSearchHit(row: SearchRow): SearchHit {
  // postgres.js and PGlite both parse jsonb; the string case covers a driver configured not to.
  const facts = typeof row.facts === "string" ? (JSON.parse(row.facts) as Record<string, unknown>) : row.facts;
  const title =
    row.type === "judgement" || row.type === "comment"
      ? row.title
      : row.title || (row.type === "observation" ? "Observation (no site)" : "Untitled");
  return {
    type: row.type,
    id: row.id,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    assessmentId: row.assessment_id,
    title,
    context: contextOf(row.type, facts),
    snippet: snippetParts(row.snippet ?? ""),
    rank: Math.round(Number(row.rank) * 1e6) / 1e6,
    url: urlOf(row, facts),
  };
}
