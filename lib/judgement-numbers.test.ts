import { describe, expect, it } from "vitest";
import { judgementKindOf, numberJudgements, numberVersionJudgements } from "./judgement-numbers";

describe("numberJudgements", () => {
  it("numbers key judgements and the others apart, each in document order", () => {
    const judgements = [{ isKey: false }, { isKey: true }, { isKey: false }, { isKey: true }, { isKey: false }];
    expect(numberJudgements(judgements).map(({ label }) => label)).toEqual([
      "Judgement 1",
      "Key judgement 1",
      "Judgement 2",
      "Key judgement 2",
      "Judgement 3",
    ]);
  });

  it("keeps each judgement beside its label", () => {
    const first = { id: "a", isKey: true };
    const second = { id: "b", isKey: false };
    expect(numberJudgements([first, second])).toEqual([
      { judgement: first, label: "Key judgement 1" },
      { judgement: second, label: "Judgement 1" },
    ]);
  });

  it("is empty for no judgements", () => {
    expect(numberJudgements([])).toEqual([]);
  });

  it("names the kind", () => {
    expect([judgementKindOf(true), judgementKindOf(false)]).toEqual(["Key judgement", "Judgement"]);
  });
});

describe("numberVersionJudgements", () => {
  it("numbers a version's judgements in the order of their positions in the text", () => {
    const judgements = [
      { id: "third", isKey: false, position: 4 },
      { id: "first", isKey: false, position: 1 },
      { id: "key", isKey: true, position: 2 },
    ];
    expect(numberVersionJudgements(judgements).map(({ judgement, label }) => [judgement.id, label])).toEqual([
      ["first", "Judgement 1"],
      ["key", "Key judgement 1"],
      ["third", "Judgement 2"],
    ]);
  });
});
