import type { TextRange } from "./types";

/**
 * Abbreviations that end in a period without ending a sentence. Dotted initialisms ("U.S.",
 * "e.g.", "D.P.R.K.") and single initials ("J.") are recognised by shape, not listed.
 */
const ABBREVIATIONS = new Set([
  "approx.",
  "ca.",
  "c.",
  "cf.",
  "vs.",
  "etc.",
  "al.",
  "est.",
  "incl.",
  "no.",
  "nos.",
  "fig.",
  "mr.",
  "mrs.",
  "ms.",
  "dr.",
  "prof.",
  "gen.",
  "col.",
  "lt.",
  "adm.",
  "capt.",
  "sgt.",
  "st.",
  "inc.",
  "corp.",
  "ltd.",
  "co.",
  "jan.",
  "feb.",
  "mar.",
  "apr.",
  "jun.",
  "jul.",
  "aug.",
  "sep.",
  "sept.",
  "oct.",
  "nov.",
  "dec.",
]);

const INITIALISM = /^(?:\p{L}\.)+$/u;
const TERMINATOR = /[.!?]+["'”’)\]]*(?=\s|$)|\n/gu;

/** Whether the period ending `token` belongs to an abbreviation rather than ending a sentence. */
function isAbbreviation(token: string): boolean {
  const word = token.replace(/^["'“‘([]+/u, "");
  return ABBREVIATIONS.has(word.toLowerCase()) || INITIALISM.test(word);
}

/**
 * Splits plain text into sentences, returned as trimmed ranges. A period ends a sentence unless
 * it closes an abbreviation ("U.S.", "approx.") or the next word starts in lower case; "U.S." at
 * the very end of a sentence is therefore not split, which errs towards one longer sentence.
 */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = 0;
  for (const match of text.matchAll(TERMINATOR)) {
    const end = match.index + match[0].length;
    if (match[0] !== "\n" && !match[0].startsWith("!") && !match[0].startsWith("?")) {
      const token = /\S*$/u.exec(text.slice(0, match.index + 1))?.[0] ?? "";
      const next = text.slice(end).trimStart().charAt(0);
      if (match[0].startsWith(".") && match[0].length === 1 && isAbbreviation(token)) continue;
      if (next && next !== next.toUpperCase()) continue;
    }
    pushTrimmed(ranges, text, start, end);
    start = end;
  }
  pushTrimmed(ranges, text, start, text.length);
  return ranges;
}

function pushTrimmed(ranges: TextRange[], text: string, from: number, to: number): void {
  let a = from;
  let b = to;
  while (a < b && /\s/u.test(text.charAt(a))) a += 1;
  while (b > a && /\s/u.test(text.charAt(b - 1))) b -= 1;
  if (b > a) ranges.push({ from: a, to: b });
}

/** The sentence (range) containing offset `at`, if any. */
export function sentenceAt(sentences: readonly TextRange[], at: number): TextRange | undefined {
  return sentences.find((sentence) => at >= sentence.from && at < sentence.to);
}
