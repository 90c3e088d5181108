import { createRule } from "./create-rule";
import {
  findAssertedLikelihoodTerms,
  findLikelihoodTerms,
  formatLikelihoodTerm,
  preferredTermRow,
  type TermMatch,
  type TermRow,
} from "./estimative-terms";
import { locationOf, quote, type TextUnit, textUnitsOf } from "./text-units";
import type { LintAssessment } from "./types";

const ROW_NAMES: Record<TermRow, string> = { term: "first", equivalent: "second" };

/**
 * The band to suggest for a term: the judgement's chosen likelihood when the term states the
 * judgement's estimate, so the advice never contradicts the band the analyst chose; else the
 * term's own band (a negated "not probable" becomes "not likely", not the judgement's band).
 */
function suggestedBand(assessment: LintAssessment, unit: TextUnit, term: TermMatch) {
  const chosen = assessment.judgements.find((judgement) => judgement.id === unit.judgementId)?.likelihood;
  const isAsserted = findAssertedLikelihoodTerms(unit.text).some((asserted) => asserted.from === term.from);
  return chosen && isAsserted ? chosen : term.band;
}

/**
 * Terms from both ICD 203 rows in one assessment. The row used less often is flagged at each
 * of its occurrences (on a tie, the second row, since the first is the standard's own wording),
 * with the matching term of the other row suggested.
 */
export const mixedTermRows = createRule({
  id: "mixed-term-rows",
  severity: "warning",
  why: "ICD 203 offers two rows of terms for the same bands; mixing them in one product without a disclaimer makes readers wonder whether “probable” and “likely” mean different things.",
  check({ assessment }, report) {
    const found: { unit: TextUnit; term: TermMatch }[] = textUnitsOf(assessment).flatMap((unit) =>
      findLikelihoodTerms(unit.text).map((term) => ({ unit, term })),
    );
    const terms = found.map(({ term }) => term);
    if (!terms.some((term) => term.row === "term") || !terms.some((term) => term.row === "equivalent")) return;
    const majority = preferredTermRow(terms);
    const minority: TermRow = majority === "term" ? "equivalent" : "term";
    for (const { unit, term } of found) {
      if (term.row !== minority) continue;
      report({
        ...locationOf(unit),
        range: { from: term.from, to: term.to },
        message: `${quote(term.text)} is from the ${ROW_NAMES[minority]} ICD 203 row, but this assessment mostly uses the ${ROW_NAMES[majority]} row. Use “${formatLikelihoodTerm(suggestedBand(assessment, unit, term), majority)}” instead.`,
      });
    }
  },
});
