import { describe, expect, it } from "vitest";
import { lintAssessment, TRADECRAFT_RULES } from "./lint-assessment";
import { makeEvidence, makeJudgement } from "./test-helpers";

describe("lintAssessment", () => {
  it("finds nothing wrong with the Tikhoretsk key judgement (likely, moderate, two independent sources)", () => {
    const assessment = {
      judgements: [makeJudgement({ isKey: true })],
      paragraphs: ["Rail cars fell to 50 in May 2024."],
    };
    expect(lintAssessment({ assessment, evidence: makeEvidence() })).toEqual([]);
  });

  it("orders findings by judgement, then paragraphs, then position", () => {
    const assessment = {
      judgements: [
        makeJudgement({ id: "first", statement: "It could be likely with high confidence.", citedObservationIds: [] }),
        makeJudgement({ id: "second", likelihood: undefined, statement: "It might be likely." }),
      ],
      paragraphs: ["Perhaps."],
    };
    const findings = lintAssessment({ assessment, evidence: makeEvidence() });
    expect(findings.map((finding) => [finding.judgementId ?? finding.paragraphIndex, finding.ruleId])).toEqual([
      ["first", "missing-citation"],
      ["first", "likelihood-and-confidence-in-one-sentence"],
      ["first", "hedge-word"],
      ["second", "missing-likelihood"],
      ["second", "hedge-word"],
      [0, "hedge-word"],
    ]);
  });

  it("runs only the rules asked for", () => {
    const assessment = {
      judgements: [makeJudgement({ likelihood: undefined, confidence: undefined })],
      paragraphs: [],
    };
    const rules = TRADECRAFT_RULES.filter((rule) => rule.id === "missing-confidence");
    expect(lintAssessment({ assessment, evidence: makeEvidence(), rules }).map((f) => f.ruleId)).toEqual([
      "missing-confidence",
    ]);
  });

  it("gives every rule a distinct id and a reason", () => {
    expect(new Set(TRADECRAFT_RULES.map((rule) => rule.id)).size).toBe(TRADECRAFT_RULES.length);
    for (const rule of TRADECRAFT_RULES) expect(rule.why.length).toBeGreaterThan(40);
  });
});
