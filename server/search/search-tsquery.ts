import { type SQL, sql } from "drizzle-orm";

// A last word shorter than this is not expanded: "a:*" would match most of the vocabulary.
const PREFIX_MIN_LENGTH = 3;
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;
// Web-search syntax the user typed on purpose: a phrase, an exclusion or an `or`.
const OPERATORS = /["]|(^|\s)-|\sor\s/i;

/**
 * The tsquery of what a user typed: `websearch_to_tsquery('english', q)`, which never raises a
 * syntax error whatever the input. While someone is still typing the last word ("rail car tikhor")
 * it also matches as a prefix, so search-as-you-type finds Tikhoretsk. Only a plain word of
 * letters and digits is expanded, and it reaches `to_tsquery` as a bound parameter, so no user
 * text is ever parsed as tsquery syntax.
 */
export function searchTsquery(q: string): SQL {
  const text = q.trim();
  const words = text.split(/\s+/);
  const last = words.at(-1) ?? "";
  if (OPERATORS.test(text) || !PLAIN_WORD.test(last) || last.length < PREFIX_MIN_LENGTH) {
    return sql`websearch_to_tsquery('english', ${text})`;
  }
  const rest = words.slice(0, -1).join(" ");
  // The English stem matches the complete word ("munitions" → munit); the simple-dictionary
  // prefix matches a word still being typed ("tikhor" → tikhoretsk), whose stem would not.
  const lastWord = sql`(websearch_to_tsquery('english', ${last}) || to_tsquery('simple', ${`${last.toLowerCase()}:*`}))`;
  // An empty tsquery (no words before the last, or only stop words) is neutral under &&.
  return sql`(websearch_to_tsquery('english', ${rest}) && ${lastWord})`;
}
