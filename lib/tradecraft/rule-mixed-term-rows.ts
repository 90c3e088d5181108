import { createRule } from "./create-rule";
import { findLikelihoodTerms, formatLikelihoodTerm, type TermMatch, type TermRow } from "./estimative-terms";
import { locationOf, quote, type TextUnit, textUnitsOf } from "./text-units";

const ROW_NAMES: Record<TermRow, string> = { term: "first", equivalent: "second" };

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
    const firstRow = found.filter(({ term }) => term.row === "term").length;
    const secondRow = found.length - firstRow;
    if (firstRow === 0 || secondRow === 0) return;
    const minority: TermRow = secondRow <= firstRow ? "equivalent" : "term";
    const majority: TermRow = minority === "term" ? "equivalent" : "term";
    for (const { unit, term } of found) {
      if (term.row !== minority) continue;
      report({
        ...locationOf(unit),
        range: { from: term.from, to: term.to },
        message: `${quote(term.text)} is from the ${ROW_NAMES[minority]} ICD 203 row, but this assessment mostly uses the ${ROW_NAMES[majority]} row. Use “${formatLikelihoodTerm(term.band, majority)}” instead.`,
      });
    }
  },
});
