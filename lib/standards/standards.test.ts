import { describe, expect, it } from "vitest";
import { formatGrade, INFORMATION_CREDIBILITY, isWeakGrade, SOURCE_RELIABILITY } from "./admiralty";
import { CONFIDENCE_DEFINITIONS, CONFIDENCE_LEVELS } from "./confidence";
import { bandForPercent, formatLikelihoodRange, LIKELIHOOD_SCALE } from "./icd203";

describe("ICD 203 estimative language", () => {
  it.each([
    ["almost_no_chance", "almost no chance", "remote", "1–5%"],
    ["very_unlikely", "very unlikely", "highly improbable", "5–20%"],
    ["unlikely", "unlikely", "improbable", "20–45%"],
    ["roughly_even_chance", "roughly even chance", "roughly even odds", "45–55%"],
    ["likely", "likely", "probable", "55–80%"],
    ["very_likely", "very likely", "highly probable", "80–95%"],
    ["almost_certain", "almost certain", "nearly certain", "95–99%"],
  ] as const)("%s is “%s” / “%s”, %s", (band, term, equivalent, range) => {
    const definition = LIKELIHOOD_SCALE.find((entry) => entry.band === band);
    expect(definition?.term).toBe(term);
    expect(definition?.equivalent).toBe(equivalent);
    expect(formatLikelihoodRange(band)).toBe(range);
  });

  it("lists the bands in order with contiguous ranges", () => {
    expect(LIKELIHOOD_SCALE).toHaveLength(7);
    for (let i = 1; i < LIKELIHOOD_SCALE.length; i += 1) {
      expect(LIKELIHOOD_SCALE[i]?.minPercent).toBe(LIKELIHOOD_SCALE[i - 1]?.maxPercent);
    }
  });

  it.each([
    [0, null],
    [100, null],
    [3, "almost_no_chance"],
    [60, "likely"],
    [55, "roughly_even_chance"],
    [97, "almost_certain"],
  ] as const)("%d%% maps to %s (0%% and 100%% are not estimates)", (percent, band) => {
    expect(bandForPercent(percent)).toBe(band);
  });
});

describe("confidence", () => {
  it("has exactly low, moderate and high with their definitions", () => {
    expect(CONFIDENCE_LEVELS).toEqual(["low", "moderate", "high"]);
    expect(CONFIDENCE_DEFINITIONS.moderate.definition).toBe(
      "Credibly sourced and plausible but not corroborated enough for high.",
    );
  });
});

describe("Admiralty grading", () => {
  it("uses the standard wording for every grade", () => {
    expect(Object.values(SOURCE_RELIABILITY)).toEqual([
      "Completely reliable",
      "Usually reliable",
      "Fairly reliable",
      "Not usually reliable",
      "Unreliable",
      "Reliability cannot be judged",
    ]);
    expect(Object.values(INFORMATION_CREDIBILITY)).toEqual([
      "Confirmed by other independent sources",
      "Probably true",
      "Possibly true",
      "Doubtful",
      "Improbable",
      "Truth cannot be judged",
    ]);
  });

  it.each([
    ["A", 1, false],
    ["C", 3, false],
    ["D", 4, false],
    ["E", 2, true],
    ["F", 1, true],
    ["B", 5, true],
    ["A", 6, true],
  ] as const)("%s%d weak: %s (F and 6 are unknown, not middling)", (reliability, credibility, weak) => {
    expect(isWeakGrade(reliability, credibility)).toBe(weak);
    expect(formatGrade(reliability, credibility)).toBe(`${reliability}${credibility}`);
  });
});
