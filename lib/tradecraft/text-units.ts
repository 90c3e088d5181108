import type { Finding, LintAssessment } from "./types";

/** A piece of text the linter scans: a judgement statement or a free-text paragraph. */
export interface TextUnit {
  text: string;
  judgementId?: string;
  paragraphIndex?: number;
}

/** Judgement statements first, in document order, then the free-text paragraphs. */
export function textUnitsOf(assessment: LintAssessment): TextUnit[] {
  return [
    ...assessment.judgements.map((judgement) => ({ text: judgement.statement, judgementId: judgement.id })),
    ...assessment.paragraphs.map((text, paragraphIndex) => ({ text, paragraphIndex })),
  ];
}

/** The location fields of a finding in `unit`. */
export function locationOf(unit: TextUnit): Pick<Finding, "judgementId" | "paragraphIndex"> {
  return unit.judgementId !== undefined ? { judgementId: unit.judgementId } : { paragraphIndex: unit.paragraphIndex };
}

/** Quotes a matched piece of text for a message. */
export function quote(text: string): string {
  return `“${text}”`;
}
