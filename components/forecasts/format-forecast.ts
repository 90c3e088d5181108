import type { ForecastDto } from "@/lib/schemas/forecasts";

/** 0.675 → "67.5%", 0.5 → "50%". */
export function formatPercent(probability: number): string {
  return `${Number((probability * 100).toFixed(1))}%`;
}

/** A Brier score to three decimals ("0.106"), or "—" when there is none. */
export function formatBrier(score: number | null): string {
  return score === null ? "—" : score.toFixed(3);
}

export const OUTCOME_LABELS: Record<NonNullable<ForecastDto["outcome"]>, string> = {
  happened: "Happened",
  did_not_happen: "Did not happen",
  annulled: "Annulled",
};

/**
 * The band and probability a forecast is shown with: as scored once resolved, as the judgement
 * stood when the day ended once due, as it is now while open.
 */
export function shownForecastBand(forecast: ForecastDto): {
  band: ForecastDto["likelihood"];
  probability: number | null;
} {
  if (forecast.outcome) return { band: forecast.scoredLikelihood, probability: forecast.scoredProbability };
  return { band: forecast.isDue ? forecast.closingLikelihood : forecast.likelihood, probability: forecast.probability };
}
