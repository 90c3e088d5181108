/**
 * Analytic confidence: the analyst's confidence in the basis for a judgement, separate from its
 * likelihood. Never put a confidence level and a likelihood in the same sentence (ICD 203).
 * Definitions are worded as in PRODUCT.md; do not paraphrase.
 */
export const CONFIDENCE_LEVELS = ["low", "moderate", "high"] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_DEFINITIONS: Record<ConfidenceLevel, { label: string; definition: string }> = {
  high: {
    label: "High confidence",
    definition:
      "Sound argumentation, high-quality consistent reporting from multiple sources, few gaps and assumptions.",
  },
  moderate: {
    label: "Moderate confidence",
    definition: "Credibly sourced and plausible but not corroborated enough for high.",
  },
  low: {
    label: "Low confidence",
    definition: "Scant, fragmented, dated or poorly corroborated information, or questionable sources.",
  },
};
