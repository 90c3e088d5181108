import { type LikelihoodBand, likelihoodOf } from "../standards/icd203";

/**
 * Scoring judgements read as forecasts. Probabilities are fractions (0–1); ICD 203 bands are
 * percentage ranges whose both ends belong to the band (so 0.55 lies in "roughly even chance"
 * and in "likely" alike: the table's ranges share their boundaries).
 */

/** A forecast's outcome; annulled ones (the question stopped making sense) are never scored. */
export type ForecastOutcome = "happened" | "did_not_happen" | "annulled";

// Probabilities arrive as JSON numbers or float4 columns: 0.55 × 100 is 55.00000000000001.
const EPSILON = 1e-9;

/** The band's range as fractions, e.g. likely → { min: 0.55, max: 0.8 }. */
export function bandRange(band: LikelihoodBand): { min: number; max: number } {
  const { minPercent, maxPercent } = likelihoodOf(band);
  return { min: minPercent / 100, max: maxPercent / 100 };
}

/** The centre of the band's range: (min + max) / 2, e.g. likely (55–80%) → 0.675. */
export function bandMidpoint(band: LikelihoodBand): number {
  const { minPercent, maxPercent } = likelihoodOf(band);
  return (minPercent + maxPercent) / 200;
}

/** Whether `probability` (0–1) lies inside the band, both ends included. */
export function isInBand(probability: number, band: LikelihoodBand): boolean {
  if (!Number.isFinite(probability) || probability < 0 || probability > 1) return false;
  const { min, max } = bandRange(band);
  return probability >= min - EPSILON && probability <= max + EPSILON;
}

/** The probability scored: the explicit point estimate when there is one, else the band's midpoint. */
export function forecastProbability(band: LikelihoodBand, pointEstimate: number | null): number {
  return pointEstimate ?? bandMidpoint(band);
}

/**
 * The probability a forecast past its resolve-by day is scored on, given the band it closed in:
 * its point estimate while that band holds it, else the band's midpoint (the text had moved to
 * another band by then without the estimate following, and the text is what was published).
 */
export function closedForecastProbability(band: LikelihoodBand, pointEstimate: number | null): number {
  return pointEstimate !== null && isInBand(pointEstimate, band) ? pointEstimate : bandMidpoint(band);
}

/** 1 for happened, 0 for did not happen, null for annulled. */
export function outcomeValue(outcome: ForecastOutcome): 0 | 1 | null {
  if (outcome === "annulled") return null;
  return outcome === "happened" ? 1 : 0;
}

/** Decimal places Brier scores are kept to: exact for probabilities given to a tenth of a percent. */
export const BRIER_DECIMALS = 6;

/**
 * A score rounded to `BRIER_DECIMALS`: (0.7 − 1)² is 0.09000000000000002 in binary floating
 * point, and what is stored, audited, exported and shown must be the same 0.09.
 */
export function roundScore(value: number): number {
  return Number(value.toFixed(BRIER_DECIMALS));
}

/** The Brier score of one forecast, (p − o)²: 0 is perfect, 1 is as wrong as can be. Null when annulled. */
export function brierScore(probability: number, outcome: ForecastOutcome): number | null {
  const observed = outcomeValue(outcome);
  return observed === null ? null : roundScore((probability - observed) ** 2);
}
