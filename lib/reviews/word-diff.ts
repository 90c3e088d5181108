/** One run of a word diff: text both sides share, or text only the old or only the new side has. */
export interface DiffPart {
  kind: "same" | "removed" | "added";
  text: string;
}

/**
 * Above this many token pairs the middle of two texts is shown as replaced wholesale: the LCS
 * table grows with the product of both lengths, and a reviewer gains little from a word-level
 * diff of two unrelated pages.
 */
const MAX_TABLE_CELLS = 1_000_000;

/** Words and the whitespace between them, so that joining the tokens gives the text back exactly. */
function tokenize(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

/**
 * A word-level diff of two texts (longest common subsequence of words and whitespace), for
 * showing a reviewer what changed in a statement. The `same` and `removed` parts joined give
 * `before`, the `same` and `added` parts joined give `after`; within a changed stretch the
 * removed text comes before the added text, and adjacent parts never share a kind.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Statements are usually edited in one place: strip the shared ends before the quadratic part.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, start).join(""));
  for (const part of diffMiddle(a.slice(start, endA), b.slice(start, endB))) push(parts, part.kind, part.text);
  push(parts, "same", a.slice(endA).join(""));
  return regroup(parts);
}

/** The LCS diff of the differing middle, token by token. */
function diffMiddle(a: string[], b: string[]): DiffPart[] {
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_TABLE_CELLS) {
    return [
      { kind: "removed", text: a.join("") },
      { kind: "added", text: b.join("") },
    ];
  }
  const width = b.length + 1;
  // lengths[i * width + j]: length of the LCS of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ kind: "same", text: a[i++] ?? "" });
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      parts.push({ kind: "removed", text: a[i++] ?? "" });
    } else {
      parts.push({ kind: "added", text: b[j++] ?? "" });
    }
  }
  while (i < a.length) parts.push({ kind: "removed", text: a[i++] ?? "" });
  while (j < b.length) parts.push({ kind: "added", text: b[j++] ?? "" });
  return parts;
}

/** Appends a part, merging it into the previous one of the same kind; empty text is dropped. */
function push(parts: DiffPart[], kind: DiffPart["kind"], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * Reads as "[-old words-][+new words+]" rather than alternating fragments: a lone space kept
 * between two changes is folded into them, and each changed stretch lists its removed text
 * before its added text.
 */
function regroup(parts: readonly DiffPart[]): DiffPart[] {
  const result: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    push(result, "removed", removed);
    push(result, "added", added);
    removed = "";
    added = "";
  };
  parts.forEach((part, index) => {
    const isBetweenChanges =
      part.kind === "same" &&
      /^\s+$/.test(part.text) &&
      index > 0 &&
      index < parts.length - 1 &&
      parts[index + 1]?.kind !== "same";
    if (part.kind === "removed" || isBetweenChanges) removed += part.text;
    if (part.kind === "added" || isBetweenChanges) added += part.text;
    if (part.kind === "same" && !isBetweenChanges) {
      flush();
      push(result, "same", part.text);
    }
  });
  flush();
  return result;
}
