import { createRule } from "./create-rule";
import { isFollowedByNot } from "./negation";
import { locationOf, quote, textUnitsOf } from "./text-units";
import type { TextRange } from "./types";

/**
 * Hedges outside the ICD 203 scale: the list plus "maybe", the one-word form of
 * "may be"/"perhaps", and "suggest" in its forms ("the imagery suggests …"), the verb that states a
 * conclusion without saying how likely it is. Deliberately not "possible" ("as soon as possible")
 * nor "probably", which is read as the second-row term "probable".
 */
export const HEDGE_WORDS = [
  "may",
  "might",
  "could",
  "perhaps",
  "possibly",
  "maybe",
  "suggest",
  "suggests",
  "suggested",
  "suggesting",
] as const;

/**
 * Chance phrases that sound estimative but are on no scale ("a reasonable chance", "a real
 * possibility"): each reader puts them somewhere else. "Roughly even chance" is the ICD 203 term
 * and is not among them.
 */
export const CHANCE_QUALIFIERS = [
  "reasonable",
  "good",
  "fair",
  "real",
  "strong",
  "slight",
  "small",
  "distinct",
  "decent",
  "significant",
  "serious",
] as const;

/**
 * Intensifiers that take a likelihood term off the scale: "highly likely" is neither likely
 * (55–80%) nor very likely (80–95%), so each reader picks one. "Very" is the scale's own.
 */
export const OFF_SCALE_INTENSIFIERS = [
  "highly",
  "extremely",
  "quite",
  "fairly",
  "rather",
  "somewhat",
  "reasonably",
] as const;

const WORD_START = "(?<![\\p{L}\\p{N}'’-])";
const WORD_END = "(?![\\p{L}\\p{N}'’-])";
const HEDGE_PATTERN = new RegExp(
  `${WORD_START}(?:${HEDGE_WORDS.join("|")}|(?:${CHANCE_QUALIFIERS.join("|")})\\s+(?:chance|possibility)|(?:${OFF_SCALE_INTENSIFIERS.join("|")})\\s+(?:likely|unlikely))${WORD_END}`,
  "giu",
);

/**
 * Whether a capitalised "May" is the month: followed by a day or year ("May 2024", "May 9"),
 * preceded by a day ("9 May"), or capitalised in the middle of a sentence, where the modal
 * verb would be lower case.
 */
function isMonthMay(text: string, from: number, to: number): boolean {
  if (text.slice(from, to) !== "May") return false;
  if (/^\s+\d/u.test(text.slice(to))) return true;
  const before = text.slice(0, from);
  if (/\d(?:st|nd|rd|th)?\s+$/u.test(before)) return true;
  const previous = before.trimEnd().slice(-1);
  return previous !== "" && !/[.!?:"'“‘([\n]/u.test(previous);
}

/** Hedge words in `text`, excluding the month May and "could not" (a past inability, not a hedge). */
export function findHedgeWords(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(HEDGE_PATTERN)) {
    const from = match.index;
    const to = from + match[0].length;
    if (isMonthMay(text, from, to)) continue;
    if (match[0].toLowerCase() === "could" && isFollowedByNot(text, to)) continue;
    ranges.push({ from, to });
  }
  return ranges;
}

/** Hedge words outside the estimative scale, in judgements (warning) and free text alike. */
export const hedgeWord = createRule({
  id: "hedge-word",
  severity: "warning",
  why: "Words like “may”, “could” or “suggests”, and phrases like “a reasonable chance”, cover anything from 1% to 99%, so each reader fills in the probability they expect; ICD 203 asks for a term from the estimative scale instead.",
  check({ assessment }, report) {
    for (const unit of textUnitsOf(assessment)) {
      for (const range of findHedgeWords(unit.text)) {
        report({
          ...locationOf(unit),
          range,
          message: `${quote(unit.text.slice(range.from, range.to))} is a hedge outside the ICD 203 scale. Use a term such as “roughly even chance” or “likely”.`,
        });
      }
    }
  },
});
