/** Someone a comment can @mention: a member of the assessment's workspace. */
export interface MentionCandidate {
  id: string;
  name: string;
  email?: string;
}

/** The `@…` being typed before the caret: where the `@` is and what follows it. */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** Text between the `@` and the caret (names have spaces, so it may too). */
  query: string;
}

/** Longest `@…` text still treated as a name being typed. */
const MAX_QUERY_LENGTH = 40;
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * The mention being typed at `caret`, if any: an `@` at the start or after a space or an opening
 * bracket (so e-mail addresses are not mentions), with no line break between it and the caret.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf("@");
  if (start < 0 || caret - start - 1 > MAX_QUERY_LENGTH) return null;
  const previous = start > 0 ? before.charAt(start - 1) : "";
  if (previous !== "" && !/[\s([{"']/.test(previous)) return null;
  const query = before.slice(start + 1);
  if (/[\n@]/.test(query) || query.startsWith(" ")) return null;
  return { start, query };
}

/** Members whose name (any word of it) or e-mail starts with the query, best matches first. */
export function suggestMentions<T extends MentionCandidate>(candidates: readonly T[], query: string, limit = 6): T[] {
  const wanted = query.trim().toLocaleLowerCase();
  const scored: { candidate: T; score: number }[] = [];
  for (const candidate of candidates) {
    const name = candidate.name.toLocaleLowerCase();
    const score = name.startsWith(wanted)
      ? 0
      : name.split(/\s+/).some((word) => word.startsWith(wanted))
        ? 1
        : candidate.email?.toLocaleLowerCase().startsWith(wanted)
          ? 2
          : -1;
    if (score >= 0) scored.push({ candidate, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.name.localeCompare(b.candidate.name))
    .slice(0, limit)
    .map((item) => item.candidate);
}

/** Replaces the `@query` at `mention` with `@Name ` and says where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: `${text.slice(0, mention.start)}${inserted}${after}`, caret: mention.start + inserted.length };
}

/** Index of the first `@name` in `text` that is a whole mention (not the start of a longer word). */
function mentionIndex(text: string, name: string): number {
  const needle = `@${name}`;
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) {
    const next = text.charAt(index + needle.length);
    if (next === "" || !WORD_CHARACTER.test(next)) return index;
  }
  return -1;
}

/**
 * The ids of the people @mentioned in `text`, in the order they appear. People picked from the
 * suggestions (or mentioned before an edit) win over others of the same name; a mention whose
 * text was deleted is dropped; "@Ann Lee" mentions Ann Lee, not Ann.
 */
export function collectMentionIds(
  text: string,
  picked: readonly MentionCandidate[],
  members: readonly MentionCandidate[],
): string[] {
  const byName = new Map<string, string>();
  for (const person of [...picked, ...members]) if (!byName.has(person.name)) byName.set(person.name, person.id);
  const ids: string[] = [];
  for (const part of splitMentions(text, [...byName.keys()])) {
    const id = part.isMention ? byName.get(part.text.slice(1)) : undefined;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Splits a comment's text into plain runs and @mentions of the given people, for display. */
export function splitMentions(text: string, names: readonly string[]): { text: string; isMention: boolean }[] {
  const parts: { text: string; isMention: boolean }[] = [];
  // Longest names first, so "@Ann Lee" is not cut at "@Ann".
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  let rest = text;
  while (rest.length > 0) {
    let best: { index: number; name: string } | null = null;
    for (const name of sorted) {
      const index = mentionIndex(rest, name);
      if (index >= 0 && (!best || index < best.index)) best = { index, name };
    }
    if (!best) {
      parts.push({ text: rest, isMention: false });
      break;
    }
    if (best.index > 0) parts.push({ text: rest.slice(0, best.index), isMention: false });
    parts.push({ text: `@${best.name}`, isMention: true });
    rest = rest.slice(best.index + best.name.length + 1);
  }
  return parts;
}
