import { createRule } from "./create-rule";
import { findConfidencePhrases, findLikelihoodTerms } from "./estimative-terms";
import { sentenceAt, splitSentences } from "./sentences";
import { locationOf, quote, textUnitsOf } from "./text-units";
import type { TextRange } from "./types";

/** A likelihood term and a confidence level in one sentence; one finding per offending sentence. */
export const likelihoodAndConfidenceInOneSentence = createRule({
  id: "likelihood-and-confidence-in-one-sentence",
  severity: "error",
  why: "ICD 203: likelihood describes the event, confidence describes the evidence. Put in one sentence (“we assess with high confidence that it is unlikely”) readers conflate the two, so keep them in separate sentences.",
  check({ assessment }, report) {
    for (const unit of textUnitsOf(assessment)) {
      const confidence = findConfidencePhrases(unit.text);
      if (confidence.length === 0) continue;
      const sentences = splitSentences(unit.text);
      const flagged = new Set<TextRange>();
      for (const term of findLikelihoodTerms(unit.text)) {
        const sentence = sentenceAt(sentences, term.from);
        if (!sentence || flagged.has(sentence)) continue;
        const phrase = confidence.find((range) => range.from >= sentence.from && range.to <= sentence.to);
        if (!phrase) continue;
        flagged.add(sentence);
        report({
          ...locationOf(unit),
          range: sentence,
          message: `This sentence states a likelihood (${quote(term.text)}) and a confidence level (${quote(unit.text.slice(phrase.from, phrase.to))}). Split them into separate sentences.`,
        });
      }
    }
  },
});

// "100%"/"0%" only counts as a probability when it is about a chance or certainty, so that
// "100% of the storage areas" is not flagged.
const PERCENT = /(?<![\d.,])(?:100|0)(?:\.0+)?\s?(?:%|percent\b|per\s+cent\b)/giu;
const PROBABILITY_AFTER =
  /^\s*(?:certain(?:ty)?|sure|chance|probab(?:le|ility)|likel(?:y|ihood)|confident|guaranteed)\b/iu;
const PROBABILITY_BEFORE = /\b(?:chance|probability|likelihood|odds|certainty)\s+(?:of\s+|is\s+|was\s+|at\s+)?$/iu;
const ANY_PERCENT = /(?<![\d.,])(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)/giu;

/** A percentage stated as a probability: where it is in `text` and its value (0–100). */
export interface PercentProbability extends TextRange {
  percent: number;
}

/**
 * Percentages `text` states as probabilities ("a 90% chance", "the probability is 70 percent"),
 * not shares of something ("90% of the storage areas").
 */
export function findPercentProbabilities(text: string): PercentProbability[] {
  const found: PercentProbability[] = [];
  for (const match of text.matchAll(ANY_PERCENT)) {
    const from = match.index;
    const to = from + match[0].length;
    const percent = Number(match[1]);
    if (percent > 100) continue;
    if (PROBABILITY_AFTER.test(text.slice(to)) || PROBABILITY_BEFORE.test(text.slice(0, from))) {
      found.push({ from, to, percent });
    }
  }
  return found;
}
const ZERO_CHANCE = /(?<!almost\s+)\b(?:zero|no)\s+(?:chance|probability)\b/giu;

/** Spans of `text` that state a probability of 0% or 100%. */
export function findCertaintyClaims(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(PERCENT)) {
    const from = match.index;
    const to = from + match[0].length;
    if (PROBABILITY_AFTER.test(text.slice(to)) || PROBABILITY_BEFORE.test(text.slice(0, from))) {
      ranges.push({ from, to });
    }
  }
  for (const match of text.matchAll(ZERO_CHANCE)) {
    ranges.push({ from: match.index, to: match.index + match[0].length });
  }
  return ranges.sort((a, b) => a.from - b.from);
}

/** 0% or 100% stated as a probability ("100% certain"). */
export const certaintyAsProbability = createRule({
  id: "certainty-as-probability",
  severity: "warning",
  why: "0% and 100% are not estimates: a certain claim is information, not a judgement. State it as a fact with its source, or use a band of the scale (at most “almost certain”, 95–99%).",
  check({ assessment }, report) {
    for (const unit of textUnitsOf(assessment)) {
      for (const range of findCertaintyClaims(unit.text)) {
        report({
          ...locationOf(unit),
          range,
          message: `${quote(unit.text.slice(range.from, range.to))} states a certainty, not an estimate.`,
        });
      }
    }
  },
});
