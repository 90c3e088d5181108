/** The tradecraft linter: pure, isomorphic checks of an assessment against ICD 203/206. */

export {
  findAssertedLikelihoodTerms,
  findConfidencePhrases,
  findLikelihoodTerms,
  formatLikelihoodTerm,
  type TermMatch,
  type TermRow,
} from "./estimative-terms";
export { createEvidenceLookup, isWeakObservation } from "./evidence";
export { type LintAssessmentOptions, lintAssessment, TRADECRAFT_RULES } from "./lint-assessment";
export { splitSentences } from "./sentences";
export type * from "./types";
