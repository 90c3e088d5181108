/** Longest excerpt of a statement or title inside a summary line. */
const EXCERPT_LENGTH = 80;

/** `“Text”`, shortened with an ellipsis past a line's worth: summaries are one line. */
export function quoted(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const excerpt = flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat;
  return `“${excerpt || "Untitled"}”`;
}
