import { describe, expect, it } from "vitest";
import { missingCitation, missingConfidence, missingLikelihood } from "./rules-judgement-fields";
import { makeJudgement, runRule } from "./test-helpers";

describe("judgement fields", () => {
  it.each([
    [missingLikelihood, { likelihood: undefined }, "missing-likelihood"],
    [missingConfidence, { confidence: undefined }, "missing-confidence"],
    [missingCitation, { citedObservationIds: [] }, "missing-citation"],
  ] as const)("flags %s.id when %j", (rule, overrides, ruleId) => {
    const findings = runRule(rule, [makeJudgement(), makeJudgement({ id: "J2", ...overrides })]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId,
        severity: "error",
        judgementId: "J2",
        why: expect.stringMatching(/ICD 20[36]/),
      }),
    ]);
  });

  it.each([missingLikelihood, missingConfidence, missingCitation])("$id is quiet on a complete judgement", (rule) => {
    expect(runRule(rule, [makeJudgement()])).toEqual([]);
  });

  it("does not count a likelihood written in the text as the judgement's likelihood", () => {
    const findings = runRule(missingLikelihood, [makeJudgement({ likelihood: undefined })]);
    expect(findings.map((finding) => finding.judgementId)).toEqual(["J1"]);
  });
});
