import { describe, expect, it } from "vitest";
import { findHedgeWords, hedgeWord } from "./rule-hedge-words";
import { makeJudgement, runRule } from "./test-helpers";

function hedgesIn(text: string): string[] {
  return findHedgeWords(text).map(({ from, to }) => text.slice(from, to));
}

describe("hedge words outside the scale", () => {
  it.each([
    ["Russian ships may constitute the initial deliveries.", ["may"]],
    ["May the depot close? It might.", ["May", "might"]],
    ["Transfers could resume.", ["could"]],
    ["Perhaps the depot is winding down.", ["Perhaps"]],
    ["The cargo is possibly artillery shells.", ["possibly"]],
    ["Maybe the trains carry ore.", ["Maybe"]],
    ["It may, or might not, resume.", ["may", "might"]],
    ["Fewer trailers suggest the depot is more efficient.", ["suggest"]],
    ["The imagery suggests, and the briefing suggested, a halt.", ["suggests", "suggested"]],
    ["There is a reasonable chance that they change ports.", ["reasonable chance"]],
    ["A real possibility, even a good  chance, of a halt.", ["real possibility", "good  chance"]],
    ["It is highly likely that the depot stays open.", ["highly likely"]],
    ["A halt is extremely unlikely, fairly likely to be brief.", ["extremely unlikely", "fairly likely"]],
  ])("%j → %j", (text, expected) => {
    expect(hedgesIn(text)).toEqual(expected);
  });

  it.each([
    "Rail cars fell to 50 in May 2024.",
    "Shipments paused on 9 May.",
    "May 9 saw 73 rail cars.",
    "Traffic rose in May and fell in June.",
    "The cargo could not be identified.",
    "It is likely, possible even, that transfers resume.",
    "Tikhoretsk is likely to remain crucial.",
    "The mayor of Rajin and the Mayak port.",
    "There is a roughly even chance that transfers resume.",
    "A halt is very likely; a restart is highly improbable.",
    "The suggestion box and the chance encounter.",
  ])("does not flag %j", (text) => {
    expect(hedgesIn(text)).toEqual([]);
  });

  it("flags hedges in judgements and paragraphs with offsets", () => {
    const statement = "Russian ships offloading containers in North Korea may constitute the initial deliveries.";
    const findings = runRule(hedgeWord, [makeJudgement({ statement })], ["In May 2024 the halt might end."]);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: "hedge-word", judgementId: "J1", range: { from: 51, to: 54 } }),
      expect.objectContaining({ ruleId: "hedge-word", paragraphIndex: 0, range: { from: 21, to: 26 } }),
    ]);
  });
});
