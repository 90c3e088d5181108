import { LIKELIHOOD_BANDS, type LikelihoodBand } from "../standards/icd203";
import { bandMidpoint, brierScore, type ForecastOutcome, outcomeValue } from "./forecast-scoring";

/** One resolved forecast as calibration sees it: the band and probability frozen at resolution. */
export interface ScoredForecast {
  band: LikelihoodBand;
  probability: number;
  outcome: ForecastOutcome;
}

/** The forecasts made in one band: how often what they predicted happened. */
export interface CalibrationBin {
  band: LikelihoodBand;
  /** The band's midpoint, where the bin sits on a chart's predicted axis. */
  midpoint: number;
  /** Scored (not annulled) forecasts in the band. */
  count: number;
  /** Mean probability forecast in the band (point estimates count as given). */
  meanPredicted: number;
  /** Share of them that happened. */
  observedFrequency: number;
  meanBrier: number;
}

/** Calibration of a set of forecasts. */
export interface CalibrationSummary {
  /** Resolved forecasts that were scored (annulled ones are not). */
  resolvedCount: number;
  /** Resolved forecasts that were annulled. */
  annulledCount: number;
  /** Mean Brier score over the scored forecasts; null when there are none. */
  meanBrier: number | null;
  /** One bin per band that has scored forecasts, in ICD 203 order. */
  bins: CalibrationBin[];
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Bins resolved forecasts by the band they were scored in; annulled forecasts are counted apart. */
export function calibrate(forecasts: readonly ScoredForecast[]): CalibrationSummary {
  const scored = forecasts.flatMap((forecast) => {
    const observed = outcomeValue(forecast.outcome);
    const brier = brierScore(forecast.probability, forecast.outcome);
    return observed === null || brier === null ? [] : [{ ...forecast, observed, brier }];
  });
  const bins = LIKELIHOOD_BANDS.flatMap((band): CalibrationBin[] => {
    const inBand = scored.filter((forecast) => forecast.band === band);
    if (inBand.length === 0) return [];
    return [
      {
        band,
        midpoint: bandMidpoint(band),
        count: inBand.length,
        meanPredicted: mean(inBand.map((forecast) => forecast.probability)),
        observedFrequency: mean(inBand.map((forecast) => forecast.observed)),
        meanBrier: mean(inBand.map((forecast) => forecast.brier)),
      },
    ];
  });
  return {
    resolvedCount: scored.length,
    annulledCount: forecasts.length - scored.length,
    meanBrier: scored.length === 0 ? null : mean(scored.map((forecast) => forecast.brier)),
    bins,
  };
}
