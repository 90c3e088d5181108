import { formatLikelihoodRange, LIKELIHOOD_SCALE, type LikelihoodBand, likelihoodOf } from "@/lib/standards/icd203";
import { isNegatedBefore } from "./negation";
import type { TextRange } from "./types";

/** Which ICD 203 row a term comes from: `term` (first row) or `equivalent` (second row). */
export type TermRow = "term" | "equivalent";

/** An ICD 203 likelihood term found in text. */
export interface TermMatch extends TextRange {
  /** The text as written, e.g. "Very likely". */
  text: string;
  band: LikelihoodBand;
  row: TermRow;
}

interface TermForm {
  phrase: string;
  band: LikelihoodBand;
  row: TermRow;
}

/**
 * The table's terms, plus the adverb forms analysts write in running prose: "almost certainly"
 * (first row) and "probably", the adverb of "probable" (second row). Without them a document
 * that says "probably" beside "likely" would not count as mixing the rows.
 */
const TERM_FORMS: readonly TermForm[] = [
  ...LIKELIHOOD_SCALE.flatMap((definition) => [
    { phrase: definition.term, band: definition.band, row: "term" as const },
    { phrase: definition.equivalent, band: definition.band, row: "equivalent" as const },
  ]),
  { phrase: "almost certainly", band: "almost_certain", row: "term" },
  { phrase: "probably", band: "likely", row: "equivalent" },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Longest phrases first so "very likely" wins over "likely" at the same position; the letter
// lookarounds keep "likely" out of "unlikely" and "probable" out of "improbable".
const SORTED_FORMS = [...TERM_FORMS].sort((a, b) => b.phrase.length - a.phrase.length);
const TERM_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${SORTED_FORMS.map((form) => escapeRegExp(form.phrase).replace(/ /g, "\\s+")).join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);

/** "remote" is only estimative about a chance ("a remote possibility", "the risk is remote"), not "remote sensing". */
function isEstimativeRemote(text: string, from: number, to: number): boolean {
  const after = text.slice(to);
  if (/^\s+(?:chances?|possibilit(?:y|ies)|likelihood|prospects?|probability|odds)\b/iu.test(after)) return true;
  const before = text.slice(0, from);
  return (
    /\b(?:is|are|was|were|be|been|remains?|remained|seems?|appears?)\s+(?:very\s+|extremely\s+)?$/iu.test(before) &&
    /^\s*(?:$|[.,;:!?)])/u.test(after)
  );
}

function formOf(phrase: string): TermForm | undefined {
  const normalised = phrase.toLowerCase().replace(/\s+/gu, " ");
  return TERM_FORMS.find((form) => form.phrase === normalised);
}

/** Every ICD 203 likelihood term in `text`, in order, with its band and row. */
export function findLikelihoodTerms(text: string): TermMatch[] {
  const matches: TermMatch[] = [];
  for (const match of text.matchAll(TERM_PATTERN)) {
    const form = formOf(match[0]);
    const from = match.index;
    const to = from + match[0].length;
    if (!form) continue;
    if (form.phrase === "remote" && !isEstimativeRemote(text, from, to)) continue;
    matches.push({ from, to, text: match[0], band: form.band, row: form.row });
  }
  return matches;
}

// A comparative or an intensifier in front makes the term no band of its own: "more likely than
// not", "the most likely route", "highly likely" (not on the scale, and no reading of "likely").
const MODIFIER_BEFORE =
  /(?<![\p{L}\p{N}])(?:more|less|most|least|as|so|too|equally|increasingly|highly|extremely|quite|fairly|rather|somewhat|reasonably|far|much)\s+$/iu;

/**
 * The likelihood terms `text` states as its estimate: those of {@link findLikelihoodTerms} that
 * are neither negated ("not likely", "isn't very likely") nor modified ("more likely than not",
 * "highly likely"), so their band is what the text says. "Remote" only counts about a chance, as there.
 */
export function findAssertedLikelihoodTerms(text: string): TermMatch[] {
  return findLikelihoodTerms(text).filter((term) => {
    const before = text.slice(Math.max(0, term.from - 40), term.from);
    return !isNegatedBefore(text, term.from) && !MODIFIER_BEFORE.test(before);
  });
}

/**
 * The ICD 203 row an assessment mostly uses, judged from the terms found in it: the second row
 * only when it is used more often than the first, the standard's own wording.
 */
export function preferredTermRow(terms: readonly Pick<TermMatch, "row">[]): TermRow {
  const secondRow = terms.filter((term) => term.row === "equivalent").length;
  return secondRow > terms.length - secondRow ? "equivalent" : "term";
}

const CONFIDENCE_PATTERNS: readonly RegExp[] = [
  /\b(?:high|moderate|medium|low)(?:[-\s]+(?:level|degree))?[-\s]+(?:of\s+)?confidence\b/giu,
  /\bconfidence\s+(?:is|was|remains|remained|are|were)\s+(?:high|moderate|medium|low)\b/giu,
  /\b(?:(?:highly|moderately|fairly|very|quite)\s+)?confident\b/giu,
];

/** Statements of analytic confidence in `text` ("high confidence", "we are moderately confident"). */
export function findConfidencePhrases(text: string): TextRange[] {
  const ranges = CONFIDENCE_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => ({ from: match.index, to: match.index + match[0].length })),
  );
  return ranges.sort((a, b) => a.from - b.from);
}

/**
 * A likelihood term with its numeric band for inline display: "likely (55–80%)", or with
 * `row: "equivalent"` "probable (55–80%)".
 */
export function formatLikelihoodTerm(band: LikelihoodBand, row: TermRow = "term"): string {
  const definition = likelihoodOf(band);
  return `${row === "term" ? definition.term : definition.equivalent} (${formatLikelihoodRange(band)})`;
}
