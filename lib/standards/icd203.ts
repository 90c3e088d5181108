/**
 * ICD 203 (Analytic Standards) estimative language: the likelihood of an event or development.
 * Two term rows, never to be mixed in one product without a disclaimer. Wording and ranges are
 * exactly those of the standard's table; do not paraphrase.
 */
export const LIKELIHOOD_BANDS = [
  "almost_no_chance",
  "very_unlikely",
  "unlikely",
  "roughly_even_chance",
  "likely",
  "very_likely",
  "almost_certain",
] as const;
export type LikelihoodBand = (typeof LIKELIHOOD_BANDS)[number];

export interface LikelihoodDefinition {
  band: LikelihoodBand;
  /** First row of the ICD 203 table. */
  term: string;
  /** Second row of the ICD 203 table ("equivalent" terms). */
  equivalent: string;
  /** Lower and upper bound of the probability range, in percent. */
  minPercent: number;
  maxPercent: number;
}

export const LIKELIHOOD_SCALE: readonly LikelihoodDefinition[] = [
  { band: "almost_no_chance", term: "almost no chance", equivalent: "remote", minPercent: 1, maxPercent: 5 },
  { band: "very_unlikely", term: "very unlikely", equivalent: "highly improbable", minPercent: 5, maxPercent: 20 },
  { band: "unlikely", term: "unlikely", equivalent: "improbable", minPercent: 20, maxPercent: 45 },
  {
    band: "roughly_even_chance",
    term: "roughly even chance",
    equivalent: "roughly even odds",
    minPercent: 45,
    maxPercent: 55,
  },
  { band: "likely", term: "likely", equivalent: "probable", minPercent: 55, maxPercent: 80 },
  { band: "very_likely", term: "very likely", equivalent: "highly probable", minPercent: 80, maxPercent: 95 },
  { band: "almost_certain", term: "almost certain", equivalent: "nearly certain", minPercent: 95, maxPercent: 99 },
];

/** The definition of a band. */
export function likelihoodOf(band: LikelihoodBand): LikelihoodDefinition {
  const definition = LIKELIHOOD_SCALE.find((entry) => entry.band === band);
  if (!definition) throw new Error(`Unknown ICD 203 band: ${band}`);
  return definition;
}

/** The percentage range shown beside a term, e.g. "55–80%". */
export function formatLikelihoodRange(band: LikelihoodBand): string {
  const { minPercent, maxPercent } = likelihoodOf(band);
  return `${minPercent}–${maxPercent}%`;
}

/**
 * The band whose range holds a probability (percent). 0% and 100% are not estimates: a certain
 * claim is information, not a judgement, so they have no band. A value on a shared boundary
 * (5, 20, 45, 55, 80, 95) belongs to the lower band, as the table lists it first.
 */
export function bandForPercent(percent: number): LikelihoodBand | null {
  if (!Number.isFinite(percent) || percent <= 0 || percent >= 100) return null;
  if (percent < 1) return "almost_no_chance";
  if (percent > 99) return "almost_certain";
  return LIKELIHOOD_SCALE.find((entry) => percent <= entry.maxPercent)?.band ?? null;
}
