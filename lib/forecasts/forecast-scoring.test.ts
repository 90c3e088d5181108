import { describe, expect, it } from "vitest";
import { calibrate } from "./calibration";
import { bandMidpoint, brierScore, forecastProbability, isInBand } from "./forecast-scoring";

describe("band midpoints", () => {
  it("are the centres of the ICD 203 ranges", () => {
    expect(bandMidpoint("almost_no_chance")).toBeCloseTo(0.03, 12); // (1 + 5) / 200
    expect(bandMidpoint("very_unlikely")).toBeCloseTo(0.125, 12); // (5 + 20) / 200
    expect(bandMidpoint("unlikely")).toBeCloseTo(0.325, 12); // (20 + 45) / 200
    expect(bandMidpoint("roughly_even_chance")).toBeCloseTo(0.5, 12); // (45 + 55) / 200
    expect(bandMidpoint("likely")).toBeCloseTo(0.675, 12); // (55 + 80) / 200
    expect(bandMidpoint("very_likely")).toBeCloseTo(0.875, 12); // (80 + 95) / 200
    expect(bandMidpoint("almost_certain")).toBeCloseTo(0.97, 12); // (95 + 99) / 200
  });
});

describe("point estimates inside a band", () => {
  it("include both ends of the range, shared boundaries belonging to both bands", () => {
    expect(isInBand(0.55, "likely")).toBe(true);
    expect(isInBand(0.8, "likely")).toBe(true);
    expect(isInBand(0.55, "roughly_even_chance")).toBe(true);
    expect(isInBand(0.7, "likely")).toBe(true);
  });

  it("exclude anything outside the range or outside 0–1", () => {
    expect(isInBand(0.549, "likely")).toBe(false);
    expect(isInBand(0.801, "likely")).toBe(false);
    expect(isInBand(0.995, "almost_certain")).toBe(false); // the scale stops at 99%
    expect(isInBand(0, "almost_no_chance")).toBe(false);
    expect(isInBand(1.2, "almost_certain")).toBe(false);
    expect(isInBand(Number.NaN, "likely")).toBe(false);
  });

  it("is what gets scored, the midpoint standing in when there is none", () => {
    expect(forecastProbability("likely", 0.7)).toBe(0.7);
    expect(forecastProbability("likely", null)).toBeCloseTo(0.675, 12);
  });
});

describe("Brier scores", () => {
  it("are (p − o)² with o = 1 for happened and 0 for did not happen", () => {
    expect(brierScore(0.675, "happened")).toBeCloseTo(0.105625, 12); // (0.675 − 1)² = 0.325² = 0.105625
    expect(brierScore(0.675, "did_not_happen")).toBeCloseTo(0.455625, 12); // 0.675² = 0.455625
    expect(brierScore(0.9, "happened")).toBeCloseTo(0.01, 12); // 0.1² = 0.01
    expect(brierScore(0.325, "did_not_happen")).toBeCloseTo(0.105625, 12); // 0.325² = 0.105625
  });

  it("carry no floating-point noise: what is stored, audited and exported is the value shown", () => {
    expect(brierScore(0.7, "happened")).toBe(0.09); // (0.7 − 1)² is 0.09000000000000002 in floating point
    expect(brierScore(0.675, "did_not_happen")).toBe(0.455625);
    expect(brierScore(0.03, "did_not_happen")).toBe(0.0009);
    expect(brierScore(0.97, "happened")).toBe(0.0009);
    expect(brierScore(0.875, "happened")).toBe(0.015625);
  });

  it("are absent for annulled forecasts", () => {
    expect(brierScore(0.675, "annulled")).toBeNull();
  });
});

describe("calibration bins", () => {
  it("bin by band with count, mean predicted, observed frequency and mean Brier, leaving annulled out", () => {
    const summary = calibrate([
      { band: "likely", probability: 0.675, outcome: "happened" }, // Brier 0.105625
      { band: "likely", probability: 0.7, outcome: "happened" }, // (0.7 − 1)² = 0.09
      { band: "likely", probability: 0.675, outcome: "did_not_happen" }, // 0.455625
      { band: "unlikely", probability: 0.325, outcome: "did_not_happen" }, // 0.105625
      { band: "very_likely", probability: 0.875, outcome: "annulled" }, // not scored
    ]);
    expect(summary.resolvedCount).toBe(4);
    expect(summary.annulledCount).toBe(1);
    // (0.105625 + 0.09 + 0.455625 + 0.105625) / 4 = 0.756875 / 4 = 0.18921875
    expect(summary.meanBrier).toBeCloseTo(0.18921875, 12);
    expect(summary.bins.map((bin) => bin.band)).toEqual(["unlikely", "likely"]);
    const [unlikely, likely] = summary.bins;
    expect(unlikely).toMatchObject({ count: 1, observedFrequency: 0 });
    expect(unlikely?.meanPredicted).toBeCloseTo(0.325, 12);
    expect(unlikely?.meanBrier).toBeCloseTo(0.105625, 12);
    expect(likely?.count).toBe(3);
    expect(likely?.midpoint).toBeCloseTo(0.675, 12);
    expect(likely?.meanPredicted).toBeCloseTo(0.6833333333, 9); // (0.675 + 0.7 + 0.675) / 3 = 2.05 / 3
    expect(likely?.observedFrequency).toBeCloseTo(2 / 3, 12); // 2 of 3 happened
    expect(likely?.meanBrier).toBeCloseTo(0.2170833333, 9); // (0.105625 + 0.09 + 0.455625) / 3 = 0.65125 / 3
  });

  it("is empty, with no mean Brier, when nothing was scored", () => {
    expect(calibrate([{ band: "likely", probability: 0.675, outcome: "annulled" }])).toEqual({
      resolvedCount: 0,
      annulledCount: 1,
      meanBrier: null,
      bins: [],
    });
  });
});
