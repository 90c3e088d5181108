import { describe, expect, it } from "vitest";
import { mixedTermRows } from "./rule-mixed-term-rows";
import { makeJudgement, runRule } from "./test-helpers";

function mixing(...statements: string[]) {
  const judgements = statements.map((statement, index) => makeJudgement({ id: `J${index + 1}`, statement }));
  return runRule(mixedTermRows, judgements).map((finding) => {
    const statement = statements[Number(finding.judgementId?.slice(1)) - 1] ?? "";
    return [finding.judgementId, finding.range && statement.slice(finding.range.from, finding.range.to)];
  });
}

describe("mixed ICD 203 term rows", () => {
  const pairs = [
    ["almost no chance", "remote"],
    ["very unlikely", "highly improbable"],
    ["unlikely", "improbable"],
    ["roughly even chance", "roughly even odds"],
    ["likely", "probable"],
    ["very likely", "highly probable"],
    ["almost certain", "nearly certain"],
  ];
  it.each(pairs)("flags “%s” in one judgement and “%s” in another", (first, second) => {
    const secondText = second === "remote" ? "The chance is remote." : `It is ${second}.`;
    expect(mixing(`It is ${first}.`, `It is ${first} again.`, secondText)).toEqual([["J3", second]]);
  });

  it.each([
    [["It is unlikely."]],
    [["It is unlikely.", "It is likely.", "It is very likely."]],
    [["It is improbable.", "It is highly improbable.", "It is probable."]],
    [["Remote sensing shows it is likely."]],
    [["It is almost certain.", "It will almost certainly continue."]],
  ])("does not flag one row only: %j", (statements) => {
    expect(mixing(...statements)).toEqual([]);
  });

  it("flags the less used row, and the second row on a tie", () => {
    expect(mixing("It is probable.", "It is highly probable.", "It is likely.")).toEqual([["J3", "likely"]]);
    expect(mixing("It is likely.", "It is improbable.")).toEqual([["J2", "improbable"]]);
  });

  it("suggests the same band in the other row", () => {
    const [finding] = runRule(mixedTermRows, [
      makeJudgement({ statement: "It is likely." }),
      makeJudgement({ id: "J2", statement: "It is highly probable." }),
    ]);
    expect(finding?.message).toContain("very likely (80–95%)");
  });

  it("counts free-text paragraphs", () => {
    const findings = runRule(mixedTermRows, [makeJudgement()], ["Rail resupply is probable."]);
    expect(findings).toEqual([expect.objectContaining({ paragraphIndex: 0, range: { from: 17, to: 25 } })]);
  });
});
