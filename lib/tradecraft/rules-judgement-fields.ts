import { createRule } from "./create-rule";

/** A judgement without an ICD 203 likelihood band. */
export const missingLikelihood = createRule({
  id: "missing-likelihood",
  severity: "error",
  why: "ICD 203 asks every analytic judgement to say how likely it is on the estimative scale; without a band each reader supplies their own probability, and the judgement cannot be scored later.",
  check({ assessment }, report) {
    for (const judgement of assessment.judgements) {
      if (judgement.likelihood === undefined) {
        report({ judgementId: judgement.id, message: "This judgement has no likelihood. Choose an ICD 203 band." });
      }
    }
  },
});

/** A judgement without a confidence level. */
export const missingConfidence = createRule({
  id: "missing-confidence",
  severity: "error",
  why: "ICD 203 asks analysts to state their confidence in the basis for a judgement, separately from its likelihood, so readers know how much weight the evidence can bear.",
  check({ assessment }, report) {
    for (const judgement of assessment.judgements) {
      if (judgement.confidence === undefined) {
        report({
          judgementId: judgement.id,
          message: "This judgement has no confidence level. Choose low, moderate or high.",
        });
      }
    }
  },
});

/** A judgement that cites no observation. */
export const missingCitation = createRule({
  id: "missing-citation",
  severity: "error",
  why: "ICD 206 requires every judgement that depends on a source to cite it, so readers and reviewers can trace the judgement to graded evidence.",
  check({ assessment }, report) {
    for (const judgement of assessment.judgements) {
      if (judgement.citedObservationIds.length === 0) {
        report({ judgementId: judgement.id, message: "This judgement cites no observation." });
      }
    }
  },
});
