import { bandForPercent, formatLikelihoodRange, type LikelihoodBand, likelihoodOf } from "@/lib/standards/icd203";
import { createRule } from "./create-rule";
import {
  findAssertedLikelihoodTerms,
  findLikelihoodTerms,
  formatLikelihoodTerm,
  preferredTermRow,
} from "./estimative-terms";
import { findPercentProbabilities } from "./rules-sentences";
import { quote, textUnitsOf } from "./text-units";

/** "(likely, 55–80%)": the band a term belongs to, named by the table's first row, with its range. */
function bandOfTerm(band: LikelihoodBand): string {
  return `(${likelihoodOf(band).term}, ${formatLikelihoodRange(band)})`;
}

/**
 * A judgement whose statement states an estimate ("probably", "highly probable", "remote", "a 90%
 * chance") of a band other than the likelihood chosen for it. Negated and modified terms ("not
 * likely", "more likely than not") state no band and are left alone, and "unlikely" is never read
 * as "likely". A percentage counts when stated as a probability and outside the chosen band's range
 * (both ends belong to the band); 0% and 100% are the certainty rule's.
 */
export const statementContradictsLikelihood = createRule({
  id: "statement-contradicts-likelihood",
  severity: "warning",
  why: "ICD 203 gives each term one probability range. A statement worded “probably” (55–80%) and published as very likely (80–95%) gives readers two estimates for one judgement; the wording and the likelihood must name the same band.",
  check({ assessment }, report) {
    // Suggestions follow the row the assessment mostly uses, as the mixed-rows rule asks.
    const row = preferredTermRow(textUnitsOf(assessment).flatMap((unit) => findLikelihoodTerms(unit.text)));
    for (const judgement of assessment.judgements) {
      const chosen = judgement.likelihood;
      if (!chosen) continue;
      const terms = findAssertedLikelihoodTerms(judgement.statement);
      const statesChosenBand = terms.some((term) => term.band === chosen);
      for (const term of terms.filter((found) => found.band !== chosen)) {
        const advice = statesChosenBand
          ? "A judgement carries one likelihood: give this estimate a judgement of its own, or reword it."
          : `Write “${formatLikelihoodTerm(chosen, row)}” to match it, or change the likelihood to ${formatLikelihoodTerm(term.band)}.`;
        report({
          judgementId: judgement.id,
          range: { from: term.from, to: term.to },
          message: `The statement says ${quote(term.text)} ${bandOfTerm(term.band)} but the judgement's likelihood is ${formatLikelihoodTerm(chosen)}. ${advice}`,
        });
      }
      const { minPercent, maxPercent } = likelihoodOf(chosen);
      for (const stated of findPercentProbabilities(judgement.statement)) {
        if (stated.percent <= 0 || stated.percent >= 100) continue;
        if (stated.percent >= minPercent && stated.percent <= maxPercent) continue;
        const band = bandForPercent(stated.percent);
        const other = band ? `, or change the likelihood to ${formatLikelihoodTerm(band)}` : "";
        report({
          judgementId: judgement.id,
          range: { from: stated.from, to: stated.to },
          message: `The statement says ${quote(judgement.statement.slice(stated.from, stated.to))} but the judgement's likelihood is ${formatLikelihoodTerm(chosen)}. State a probability from ${minPercent} to ${maxPercent}%${other}.`,
        });
      }
    }
  },
});
