import { describe, expect, it } from "vitest";
import type { LikelihoodBand } from "@/lib/standards/icd203";
import { statementContradictsLikelihood } from "./rule-likelihood-wording";
import { makeJudgement, runRule } from "./test-helpers";

/** The flagged terms of one judgement with the given statement and band. */
function flagged(statement: string, likelihood: LikelihoodBand | undefined) {
  return runRule(statementContradictsLikelihood, [makeJudgement({ statement, likelihood })]).map(
    (finding) => finding.range && statement.slice(finding.range.from, finding.range.to),
  );
}

describe("statement wording against the judgement's likelihood", () => {
  it("names both bands with their ranges (the demo's JDG-11 beside the key judgement JDG-04)", () => {
    const statement =
      "North Korean munitions are probably being routed to several strategic storage sites in southern Russia.";
    const findings = runRule(statementContradictsLikelihood, [
      makeJudgement({ isKey: true }),
      makeJudgement({ id: "J2", statement, likelihood: "very_likely" }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "statement-contradicts-likelihood",
        severity: "warning",
        judgementId: "J2",
        range: { from: 27, to: 35 },
      }),
    ]);
    expect(findings[0]?.message).toBe(
      "The statement says “probably” (likely, 55–80%) but the judgement's likelihood is very likely (80–95%). " +
        "Write “very likely (80–95%)” to match it, or change the likelihood to likely (55–80%).",
    );
  });

  // Both rows, one-word and multiword terms, every band against a neighbouring one.
  it.each([
    ["Resumption is almost no chance.", "very_unlikely"],
    ["The chance of a pause is remote.", "very_unlikely"],
    ["A halt is very unlikely.", "unlikely"],
    ["A halt is highly improbable.", "unlikely"],
    ["A halt is unlikely.", "very_unlikely"],
    ["A halt is improbable.", "roughly_even_chance"],
    ["There is a roughly even chance of a halt.", "likely"],
    ["Resumption has roughly even odds.", "unlikely"],
    ["Transfers are likely to continue.", "very_likely"],
    ["Continued transfers are probable.", "almost_certain"],
    ["Transfers are very likely to continue.", "likely"],
    ["Continued transfers are highly probable.", "almost_certain"],
    ["Transfers are almost certain to continue.", "very_likely"],
    ["Continued transfers are nearly certain.", "likely"],
    ["Transfers will almost certainly continue.", "very_likely"],
  ] as const)("flags %j under %s", (statement, likelihood) => {
    expect(flagged(statement, likelihood)).toHaveLength(1);
  });

  it.each([
    ["The chance of a pause is remote.", "almost_no_chance"],
    ["A halt is highly improbable.", "very_unlikely"],
    ["A halt is unlikely.", "unlikely"],
    ["Transfers are likely to continue.", "likely"],
    ["North Korean munitions are probably being routed south.", "likely"],
    ["Continued transfers are highly probable.", "very_likely"],
    ["Transfers will almost certainly continue.", "almost_certain"],
  ] as const)("accepts %j under %s", (statement, likelihood) => {
    expect(flagged(statement, likelihood)).toEqual([]);
  });

  it("reads “unlikely” as unlikely and “very likely” as very likely, never as “likely”", () => {
    expect(flagged("A halt is unlikely.", "likely")).toEqual(["unlikely"]);
    expect(flagged("A halt is very unlikely.", "unlikely")).toEqual(["very unlikely"]);
    expect(flagged("Transfers are very likely to continue.", "likely")).toEqual(["very likely"]);
    expect(flagged("Transfers are very likely to continue.", "very_likely")).toEqual([]);
  });

  it.each([
    "A pause is not likely before the winter.",
    "A pause isn't very likely before the winter.",
    "A pause is not at all probable.",
    "A pause would never be likely while the war lasts.",
    "Rail is more likely than not to stay the main route.",
    "Tikhoretsk is the most likely hub for the shipments.",
    "Remote sensing shows 50 rail cars at a remote depot.",
    "Rail cars fell to 50 in May 2024; the cargo could not be identified.",
  ])("leaves negated, comparative and non-estimative wording alone: %j", (statement) => {
    expect(flagged(statement, "very_likely")).toEqual([]);
  });

  it("flags a second estimate of another band and says a judgement carries one likelihood", () => {
    const statement =
      "Shipping had almost certainly moved from Dunay to Vostochny, likely to avoid surveillance, though a return is remote.";
    const findings = runRule(statementContradictsLikelihood, [
      makeJudgement({ statement, likelihood: "almost_certain" }),
    ]);
    expect(findings.map((finding) => finding.range && statement.slice(finding.range.from, finding.range.to))).toEqual([
      "likely",
      "remote",
    ]);
    expect(findings[1]?.message).toBe(
      "The statement says “remote” (almost no chance, 1–5%) but the judgement's likelihood is almost certain (95–99%). " +
        "A judgement carries one likelihood: give this estimate a judgement of its own, or reword it.",
    );
  });

  it("suggests the term in the row the assessment mostly uses", () => {
    const findings = runRule(statementContradictsLikelihood, [
      makeJudgement({ statement: "Rail resupply is probable.", likelihood: "very_likely" }),
      makeJudgement({ id: "J2", statement: "Sea resupply is improbable.", likelihood: "unlikely" }),
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "The statement says “probable” (likely, 55–80%) but the judgement's likelihood is very likely (80–95%). " +
        "Write “highly probable (80–95%)” to match it, or change the likelihood to likely (55–80%).",
    ]);
  });

  it("flags a probability stated as a percentage outside the chosen band, and names the band it is in", () => {
    const statement = "There is a 90% chance the depot stays open.";
    const findings = runRule(statementContradictsLikelihood, [makeJudgement({ statement, likelihood: "likely" })]);
    expect(findings.map((finding) => [finding.range, finding.message])).toEqual([
      [
        { from: 11, to: 14 },
        "The statement says “90%” but the judgement's likelihood is likely (55–80%). State a probability from 55 to 80%, or change the likelihood to very likely (80–95%).",
      ],
    ]);
  });

  it.each([
    ["There is a 70% chance the depot stays open.", "likely"],
    ["The probability of a halt is 80 percent.", "likely"],
    ["The probability of a halt is 80 percent.", "very_likely"],
    ["90% of the storage areas are in use.", "likely"],
    ["Rail cars fell by 30 per cent in April.", "very_likely"],
    ["A 100% certain claim is the certainty rule's.", "likely"],
  ] as const)("leaves %j with %s alone", (statement, likelihood) => {
    expect(flagged(statement, likelihood)).toEqual([]);
  });

  it("flags a percentage probability in either position", () => {
    expect(flagged("The odds of 30% make a halt possible.", "likely")).toEqual(["30%"]);
    expect(flagged("A 10 percent likelihood of a halt.", "unlikely")).toEqual(["10 percent"]);
  });

  it("checks only judgements with a likelihood, and no free text", () => {
    const findings = runRule(
      statementContradictsLikelihood,
      [makeJudgement({ statement: "Transfers are almost certain.", likelihood: undefined })],
      ["Transfers are almost certain, though the judgement below says likely."],
    );
    expect(findings).toEqual([]);
  });
});
