import { createRule } from "./create-rule";
import { gradesOf, isWeakObservation, originatorsOf, supportingObservations } from "./evidence";

/** A citation of an observation the library does not hold (deleted, or another workspace's). */
export const unknownCitation = createRule({
  id: "unknown-citation",
  severity: "warning",
  why: "A citation that resolves to no observation cannot be checked by a reader or reviewer, so the judgement is less sourced than it looks.",
  check({ assessment, evidence }, report) {
    for (const judgement of assessment.judgements) {
      for (const id of new Set(judgement.citedObservationIds)) {
        if (!evidence.observations.has(id)) {
          report({ judgementId: judgement.id, message: `Cited observation ${id} is not in the evidence library.` });
        }
      }
    }
  },
});

/** A citation of a retracted observation. */
export const retractedCitation = createRule({
  id: "retracted-citation",
  severity: "error",
  why: "A retracted observation no longer supports anything; a judgement that cites it must be re-examined, and any approval of it revisited.",
  check({ assessment, evidence }, report) {
    for (const judgement of assessment.judgements) {
      for (const id of new Set(judgement.citedObservationIds)) {
        const observation = evidence.observations.get(id);
        if (observation?.retracted) {
          report({
            judgementId: judgement.id,
            message: `Cited observation ${observation.label ?? id} has been retracted: “${observation.summary}”`,
          });
        }
      }
    }
  },
});

/** A key judgement whose usable evidence comes from one originator. */
export const keyJudgementSingleSource = createRule({
  id: "key-judgement-single-source",
  severity: "warning",
  why: "A key judgement resting on one source has no independent corroboration: a single error or deception carries straight into the bottom line (ICD 206 asks which sources corroborate the key judgements).",
  check({ assessment, evidence }, report) {
    for (const judgement of assessment.judgements) {
      if (!judgement.isKey) continue;
      const observations = supportingObservations(judgement, evidence);
      if (observations.length === 0) continue;
      const originators = originatorsOf(observations, evidence);
      if (originators.length > 1) continue;
      report({
        judgementId: judgement.id,
        message:
          originators.length === 0
            ? "This key judgement cites observations that name no source."
            : `This key judgement rests on a single source (${originators[0]?.name}). Cite corroborating evidence from an independent source.`,
      });
    }
  },
});

/** A key judgement whose usable evidence is all graded E/F or 5/6. */
export const keyJudgementWeakEvidence = createRule({
  id: "key-judgement-weak-evidence",
  severity: "warning",
  why: "Evidence graded E/F (unreliable or unjudgeable source) or 5/6 (improbable or unjudgeable information) cannot carry a key judgement alone; ICD 206 asks the source summary to state such weaknesses.",
  check({ assessment, evidence }, report) {
    for (const judgement of assessment.judgements) {
      if (!judgement.isKey) continue;
      const observations = supportingObservations(judgement, evidence);
      if (observations.length === 0 || !observations.every((observation) => isWeakObservation(observation, evidence))) {
        continue;
      }
      const grades = observations.map(
        (observation) => `${observation.label ?? observation.id} (${gradesOf(observation, evidence).join(", ")})`,
      );
      report({
        judgementId: judgement.id,
        message: `This key judgement rests only on weak evidence: ${grades.join("; ")}.`,
      });
    }
  },
});
