/**
 * Admiralty (NATO) grading: source reliability A–F and information credibility 1–6. Two
 * independent characters, never averaged or combined into one score. F and 6 mean "cannot be
 * judged" (unknown), not a middle value.
 */
export const SOURCE_RELIABILITY_GRADES = ["A", "B", "C", "D", "E", "F"] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY_GRADES)[number];

export const SOURCE_RELIABILITY: Record<SourceReliability, string> = {
  A: "Completely reliable",
  B: "Usually reliable",
  C: "Fairly reliable",
  D: "Not usually reliable",
  E: "Unreliable",
  F: "Reliability cannot be judged",
};

export const INFORMATION_CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type InformationCredibility = (typeof INFORMATION_CREDIBILITY_GRADES)[number];

export const INFORMATION_CREDIBILITY: Record<InformationCredibility, string> = {
  1: "Confirmed by other independent sources",
  2: "Probably true",
  3: "Possibly true",
  4: "Doubtful",
  5: "Improbable",
  6: "Truth cannot be judged",
};

/** Grades that mean "unknown": they are not evidence of middling quality. */
export function isUnjudgedReliability(grade: SourceReliability): boolean {
  return grade === "F";
}

export function isUnjudgedCredibility(grade: InformationCredibility): boolean {
  return grade === 6;
}

/**
 * Weak evidence for the tradecraft linter: an unreliable or unjudgeable source (E, F) or
 * improbable or unjudgeable information (5, 6).
 */
export function isWeakGrade(reliability: SourceReliability, credibility: InformationCredibility): boolean {
  return reliability === "E" || reliability === "F" || credibility === 5 || credibility === 6;
}

/** The two-character grade, e.g. "B2". Never a number: the characters are independent. */
export function formatGrade(reliability: SourceReliability, credibility: InformationCredibility): string {
  return `${reliability}${credibility}`;
}
