import { describe, expect, it } from "vitest";
import {
  findAssertedLikelihoodTerms,
  findConfidencePhrases,
  findLikelihoodTerms,
  formatLikelihoodTerm,
  preferredTermRow,
} from "./estimative-terms";

function termsIn(text: string) {
  return findLikelihoodTerms(text).map(({ text: found, band, row }) => [found, band, row]);
}

describe("findLikelihoodTerms", () => {
  it.each([
    ["almost no chance", "almost_no_chance", "term"],
    ["remote", "almost_no_chance", "equivalent"],
    ["very unlikely", "very_unlikely", "term"],
    ["highly improbable", "very_unlikely", "equivalent"],
    ["unlikely", "unlikely", "term"],
    ["improbable", "unlikely", "equivalent"],
    ["roughly even chance", "roughly_even_chance", "term"],
    ["roughly even odds", "roughly_even_chance", "equivalent"],
    ["likely", "likely", "term"],
    ["probable", "likely", "equivalent"],
    ["very likely", "very_likely", "term"],
    ["highly probable", "very_likely", "equivalent"],
    ["almost certain", "almost_certain", "term"],
    ["nearly certain", "almost_certain", "equivalent"],
    ["almost certainly", "almost_certain", "term"],
    ["probably", "likely", "equivalent"],
  ])("finds “%s” as %s (%s row), and only it", (phrase, band, row) => {
    const text = phrase === "remote" ? "The chance of a pause is remote." : `It is ${phrase} that transfers continue.`;
    expect(termsIn(text)).toEqual([[phrase, band, row]]);
  });

  it.each([
    ["Very Likely", "very_likely"],
    ["HIGHLY\nPROBABLE", "very_likely"],
  ])("ignores case and line breaks: %j", (phrase, band) => {
    expect(findLikelihoodTerms(`${phrase} so.`).map((term) => term.band)).toEqual([band]);
  });

  it.each([
    ["remote sensing shows 50 rail cars", []],
    ["a remote depot in Siberia", []],
    ["a remote possibility of resumption", [["remote", "almost_no_chance", "equivalent"]]],
    ["likelihood and probability are not terms", []],
    ["an unlikelyhood", []],
    [
      "likely, unlikely and very likely",
      [
        ["likely", "likely", "term"],
        ["unlikely", "unlikely", "term"],
        ["very likely", "very_likely", "term"],
      ],
    ],
  ])("%j", (text, expected) => {
    expect(termsIn(text)).toEqual(expected);
  });

  it("reports offsets into the text", () => {
    const text = "Russia has very likely begun shipping.";
    const [term] = findLikelihoodTerms(text);
    expect(term && text.slice(term.from, term.to)).toBe("very likely");
  });
});

describe("findConfidencePhrases", () => {
  it.each([
    ["We assess with high confidence that", "high confidence"],
    ["moderate confidence", "moderate confidence"],
    ["a low-confidence judgement", "low-confidence"],
    ["a high level of confidence", "high level of confidence"],
    ["confidence is moderate", "confidence is moderate"],
    ["we are highly confident", "highly confident"],
  ])("%j", (text, expected) => {
    expect(findConfidencePhrases(text).map(({ from, to }) => text.slice(from, to))).toEqual([expected]);
  });

  it("does not see confidence in ordinary words", () => {
    expect(findConfidencePhrases("Confidential cables; a confidence-building measure")).toEqual([]);
  });
});

describe("formatLikelihoodTerm", () => {
  it.each([
    ["almost_no_chance", "almost no chance (1–5%)", "remote (1–5%)"],
    ["very_unlikely", "very unlikely (5–20%)", "highly improbable (5–20%)"],
    ["unlikely", "unlikely (20–45%)", "improbable (20–45%)"],
    ["roughly_even_chance", "roughly even chance (45–55%)", "roughly even odds (45–55%)"],
    ["likely", "likely (55–80%)", "probable (55–80%)"],
    ["very_likely", "very likely (80–95%)", "highly probable (80–95%)"],
    ["almost_certain", "almost certain (95–99%)", "nearly certain (95–99%)"],
  ] as const)("%s → %s / %s", (band, term, equivalent) => {
    expect(formatLikelihoodTerm(band)).toBe(term);
    expect(formatLikelihoodTerm(band, "equivalent")).toBe(equivalent);
  });
});

describe("findAssertedLikelihoodTerms", () => {
  it.each([
    ["It is likely, not very likely.", ["likely"]],
    ["A pause is not probable; a halt isn't likely; resumption is improbable.", ["improbable"]],
    ["Rail is more likely than not, and the most likely route; sea is highly likely.", []],
    ["It will almost certainly continue and probably grow.", ["almost certainly", "probably"]],
    ["It is not unlikely.", []],
  ])("%j → %j", (text, expected) => {
    expect(findAssertedLikelihoodTerms(text).map((term) => term.text)).toEqual(expected);
  });
});

describe("preferredTermRow", () => {
  it("prefers the first row unless the second is used more often", () => {
    expect(preferredTermRow([])).toBe("term");
    expect(preferredTermRow(findLikelihoodTerms("likely, probable"))).toBe("term");
    expect(preferredTermRow(findLikelihoodTerms("likely, probable, highly probable"))).toBe("equivalent");
  });
});
