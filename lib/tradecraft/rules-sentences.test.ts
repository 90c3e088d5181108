import { describe, expect, it } from "vitest";
import { certaintyAsProbability, findCertaintyClaims, likelihoodAndConfidenceInOneSentence } from "./rules-sentences";
import { makeJudgement, runRule } from "./test-helpers";

function sameSentence(statement: string) {
  return runRule(likelihoodAndConfidenceInOneSentence, [makeJudgement({ statement })]).map(({ range }) =>
    range ? statement.slice(range.from, range.to) : undefined,
  );
}

describe("likelihood and confidence in one sentence", () => {
  const terms = [
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
    "highly improbable",
    "improbable",
    "roughly even odds",
    "probable",
    "highly probable",
    "nearly certain",
  ];
  it.each(terms)("flags “%s” with “high confidence” in one sentence", (term) => {
    const statement = `We assess with high confidence that a pause is ${term}.`;
    expect(sameSentence(statement)).toEqual([statement]);
  });

  it.each([
    ["with moderate confidence it is likely", 1],
    ["It is likely, and we have low confidence in the imagery.", 1],
    ["The route is probable; confidence is moderate.", 1],
    ["We are highly confident it is remote.", 1],
    ["It is likely that shipments continue. We have moderate confidence in this judgement.", 0],
    ["The U.S. assessment is likely to hold. High confidence rests on imagery.", 0],
    ["Approx. 50 rail cars remain, so use is likely. Moderate confidence.", 0],
    ["We have high confidence in the imagery.", 0],
    ["It is likely and very likely and highly probable with high confidence.", 1],
  ])("%j → %d finding(s)", (statement, count) => {
    expect(sameSentence(statement)).toHaveLength(count);
  });

  it("checks free-text paragraphs too", () => {
    const findings = runRule(
      likelihoodAndConfidenceInOneSentence,
      [makeJudgement()],
      ["Background.", "We judge with low confidence that the depot is unlikely to close."],
    );
    expect(findings).toEqual([expect.objectContaining({ paragraphIndex: 1, range: { from: 0, to: 65 } })]);
  });
});

describe("0% and 100% are not estimates", () => {
  it.each([
    ["We are 100% certain the shells are North Korean.", ["100%"]],
    ["There is a 0% chance of a pause.", ["0%"]],
    ["a 100 percent probability", ["100 percent"]],
    ["the probability of 100% is not an estimate", ["100%"]],
    ["There is zero chance of a pause.", ["zero chance"]],
    ["There is no chance of a pause.", ["no chance"]],
    ["There is almost no chance of a pause.", []],
    ["100% of the storage areas were in use.", []],
    ["a 10% chance and a 50% chance", []],
    ["a 1,100% increase", []],
  ])("%j → %j", (text, expected) => {
    expect(findCertaintyClaims(text).map(({ from, to }) => text.slice(from, to))).toEqual(expected);
  });

  it("reports them as warnings on the judgement", () => {
    const findings = runRule(certaintyAsProbability, [makeJudgement({ statement: "It is 100% certain." })]);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: "certainty-as-probability", severity: "warning", range: { from: 6, to: 10 } }),
    ]);
  });
});
