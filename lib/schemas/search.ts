import { z } from "zod";
import { ASSESSMENT_STATUSES } from "../assessment-status";
import { withoutNulCharacters } from "../nul-character";
import { SOURCE_RELIABILITY_GRADES } from "../standards/admiralty";

/** What search finds, in the order the filter lists them. */
export const SEARCH_TYPES = ["assessment", "judgement", "observation", "source", "comment"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  assessment: "Assessment",
  judgement: "Judgement",
  observation: "Observation",
  source: "Source",
  comment: "Comment",
};

/** Longest query accepted: web-search syntax, not documents. */
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 50;
/** Deepest page: relevance past a few hundred hits is noise, and deep offsets cost a full sort. */
export const SEARCH_OFFSET_MAX = 500;

// Reliability F and credibility 6 mean "cannot be judged", not a grade below E/5, so they are not
// offered as minimums (a minimum of F would silently mean "anything").
const MIN_RELIABILITY = SOURCE_RELIABILITY_GRADES.filter((grade) => grade !== "F") as ["A", "B", "C", "D", "E"];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (name: string) =>
  z
    .string({ error: `Use ${name}=YYYY-MM-DD.` })
    .refine(
      (value) => DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      `Use ${name}=YYYY-MM-DD (a real date).`,
    );

/** `type=judgement,comment` and `type=judgement&type=comment` both list types. */
const typeList = z.preprocess(
  (value) =>
    value === undefined
      ? value
      : (Array.isArray(value) ? value : [value]).flatMap((item) =>
          typeof item === "string" ? item.split(",") : [item],
        ),
  z.array(z.enum(SEARCH_TYPES, { error: `Use type=${SEARCH_TYPES.join(", ")} (comma-separated).` })),
);

const pageNumber = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Use ${name}=${min} to ${max}.` })
    .int(`Use ${name}=${min} to ${max}.`)
    .min(min, `Use ${name}=${min} to ${max}.`)
    .max(max, `Use ${name}=${min} to ${max}.`);

/** Query of `GET /api/v1/search` and of the search pages; every filter narrows the result. */
export const searchQuery = z
  .object({
    q: z
      .string({ error: "Type something to search for." })
      .trim()
      .min(1, "Type something to search for.")
      .max(SEARCH_QUERY_MAX, `Search for at most ${SEARCH_QUERY_MAX} characters.`)
      .describe(
        'Web-search syntax: words (all must match, stemmed: "munitions" finds "munition"), "quoted phrases", ' +
          "`or`, and `-word` to exclude. The last word also matches as a prefix (`tikhor` finds Tikhoretsk).",
      ),
    workspaceId: z
      .uuid({ error: "workspaceId must be a workspace id." })
      .optional()
      .describe("Only this workspace (404 unless the caller is a member). Default: every workspace of the caller."),
    type: typeList.optional().describe(`Only these kinds of record: ${SEARCH_TYPES.join(", ")}.`),
    site: z
      .uuid({ error: "site must be a site id." })
      .optional()
      .describe("Only observations at this site and judgements citing one (other types are left out)."),
    from: day("from")
      .optional()
      .describe("Observations observed on or after this day; other records changed on or after it (UTC)."),
    to: day("to")
      .optional()
      .describe("Observations observed on or before this day; other records changed on or before it (UTC)."),
    minReliability: z
      .enum(MIN_RELIABILITY, { error: "Use minReliability=A to E." })
      .optional()
      .describe("Sources graded this reliable or better, and observations citing one (F, unknown, never matches)."),
    minCredibility: z.coerce
      .number({ error: "Use minCredibility=1 to 5." })
      .int("Use minCredibility=1 to 5.")
      .min(1, "Use minCredibility=1 to 5.")
      .max(5, "Use minCredibility=1 to 5.")
      .optional()
      .describe("Observations graded this credible or better (6, unknown, never matches)."),
    status: z
      .enum(ASSESSMENT_STATUSES, { error: `Use status=${ASSESSMENT_STATUSES.join(", ")}.` })
      .optional()
      .describe("Assessments in this lifecycle status, and the judgements and comments of such assessments."),
    limit: pageNumber("limit", 1, SEARCH_LIMIT_MAX).optional().describe(`Default ${SEARCH_LIMIT_DEFAULT}.`),
    offset: pageNumber("offset", 0, SEARCH_OFFSET_MAX).optional().describe("Skip this many hits (the next page)."),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "The end of the date range must not be before its start.",
    path: ["to"],
  });
export type SearchQueryInput = z.input<typeof searchQuery>;
export type SearchQuery = z.output<typeof searchQuery>;

/** A piece of a snippet; `match` pieces are the words the query matched (render them as `<mark>`). */
export const snippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPart>;

export const searchHit = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: z.string().describe("The record's id (a judgement's block id, `jdg_…`, is unique within its assessment)."),
    workspaceId: z.uuid(),
    workspaceName: z.string(),
    assessmentId: z.uuid().nullable().describe("The assessment a judgement or comment belongs to."),
    title: z.string().describe("What the hit is: a title, or the assessment a judgement or comment is in."),
    context: z.string().describe("Facts that tell hits apart: site, dates, grades, status."),
    snippet: z.array(snippetPart).describe("The best-matching passage, matched words flagged; plain text, never HTML."),
    rank: z.number().describe("Relevance, 0–1, comparable across types; hits come highest first."),
    url: z.string().describe("The web page of the record (assessment page anchors: #judgement-…, #thread-…)."),
  })
  .meta({ id: "SearchHit" });
export type SearchHit = z.infer<typeof searchHit>;

export const searchResults = z
  .object({
    hits: z.array(searchHit),
    nextOffset: z.number().int().nullable().describe("`offset` of the next page; null on the last one."),
  })
  .meta({ id: "SearchResults" });
export type SearchResults = z.infer<typeof searchResults>;

const QUERY_FIELDS = [
  "q",
  "workspaceId",
  "type",
  "site",
  "from",
  "to",
  "minReliability",
  "minCredibility",
  "status",
  "limit",
  "offset",
] as const;

/**
 * The search input of a URL's parameters (a page's `searchParams` or a request's query): blank
 * fields dropped, as a plain GET form sends every field; `type` may repeat. NUL characters are
 * dropped from `q`, which is searched whatever is typed (and shown back in the search box).
 */
export function searchInputOf(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): SearchQueryInput {
  const input: Record<string, string | string[]> = {};
  for (const name of QUERY_FIELDS) {
    const raw = params instanceof URLSearchParams ? params.getAll(name) : params[name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((value) => value.trim() !== "");
    if (values.length === 0) continue;
    input[name] = name === "type" ? values : (values[0] as string);
  }
  // q is kept even when blank, so that an empty search is refused with a message, not ignored.
  const q = params instanceof URLSearchParams ? params.get("q") : params.q;
  if (typeof q === "string") input.q = withoutNulCharacters(q);
  return input as SearchQueryInput;
}
