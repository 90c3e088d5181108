import { hedgeWord } from "./rule-hedge-words";
import { statementContradictsLikelihood } from "./rule-likelihood-wording";
import { mixedTermRows } from "./rule-mixed-term-rows";
import {
  keyJudgementSingleSource,
  keyJudgementWeakEvidence,
  retractedCitation,
  unknownCitation,
} from "./rules-evidence";
import { missingCitation, missingConfidence, missingLikelihood } from "./rules-judgement-fields";
import { certaintyAsProbability, likelihoodAndConfidenceInOneSentence } from "./rules-sentences";
import type { EvidenceLookup, Finding, LintAssessment, TradecraftRule } from "./types";

/** Every tradecraft rule, in the order their findings are listed for one location. */
export const TRADECRAFT_RULES: readonly TradecraftRule[] = [
  missingLikelihood,
  missingConfidence,
  missingCitation,
  unknownCitation,
  retractedCitation,
  keyJudgementSingleSource,
  keyJudgementWeakEvidence,
  likelihoodAndConfidenceInOneSentence,
  statementContradictsLikelihood,
  mixedTermRows,
  hedgeWord,
  certaintyAsProbability,
];

/** Options for {@link lintAssessment}. */
export interface LintAssessmentOptions {
  /** The judgements and free-text paragraphs to check. */
  assessment: LintAssessment;
  /** The observations and sources the judgements may cite. */
  evidence: EvidenceLookup;
  /** The rules to run; all of {@link TRADECRAFT_RULES} by default. */
  rules?: readonly TradecraftRule[];
}

/**
 * Runs the tradecraft rules over an assessment. Pure and synchronous, so the editor can run it
 * on every change and the server on save. Findings are ordered by judgement (document order),
 * then paragraphs, then position in the text, then rule.
 */
export function lintAssessment({ assessment, evidence, rules = TRADECRAFT_RULES }: LintAssessmentOptions): Finding[] {
  const judgementOrder = new Map(assessment.judgements.map((judgement, index) => [judgement.id, index]));
  const ruleOrder = new Map(rules.map((rule, index) => [rule.id, index]));
  const locationOf = (finding: Finding): number =>
    finding.judgementId !== undefined
      ? (judgementOrder.get(finding.judgementId) ?? 0)
      : assessment.judgements.length + (finding.paragraphIndex ?? 0);
  return rules
    .flatMap((rule) => rule.lint({ assessment, evidence }))
    .sort(
      (a, b) =>
        locationOf(a) - locationOf(b) ||
        (a.range?.from ?? -1) - (b.range?.from ?? -1) ||
        (ruleOrder.get(a.ruleId) ?? 0) - (ruleOrder.get(b.ruleId) ?? 0),
    );
}
