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
      makeJudgement({ id: "J2", statement: "It is highly probable.", likelihood: "very_likely" }),
    ]);
    expect(finding?.message).toContain("Use “very likely (80–95%)” instead.");
  });

  it("suggests the judgement's chosen band, not the band of the term it replaces", () => {
    const [finding] = runRule(mixedTermRows, [
      makeJudgement({ statement: "Tikhoretsk is likely to remain crucial." }),
      makeJudgement({
        id: "J2",
        statement: "North Korean munitions are probably being routed to storage sites in southern Russia.",
        likelihood: "very_likely",
      }),
    ]);
    expect(finding?.message).toBe(
      "“probably” is from the second ICD 203 row, but this assessment mostly uses the first row. Use “very likely (80–95%)” instead.",
    );
  });

  it("keeps the term's own band for a negated term and for text outside judgements", () => {
    const findings = runRule(
      mixedTermRows,
      [
        makeJudgement({ statement: "It is likely. It is very likely." }),
        makeJudgement({ id: "J2", statement: "A pause is not probable.", likelihood: "unlikely" }),
      ],
      ["Rail resupply is highly probable."],
    );
    expect(findings.map((finding) => finding.message.match(/Use “(.*)” instead/)?.[1])).toEqual([
      "likely (55–80%)",
      "very likely (80–95%)",
    ]);
  });

  it("counts free-text paragraphs", () => {
    const findings = runRule(mixedTermRows, [makeJudgement()], ["Rail resupply is probable."]);
    expect(findings).toEqual([expect.objectContaining({ paragraphIndex: 0, range: { from: 17, to: 25 } })]);
  });
});
