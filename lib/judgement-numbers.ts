/**
 * How a judgement is named by number, the same in the app and in every export of a version:
 * key judgements and the other judgements are numbered apart, each in document order ("Key
 * judgement 1", "Key judgement 2", then "Judgement 1", "Judgement 2"…), so "Judgement 2" on the
 * version page, in the publish checklist and in the PDF a reader holds is the same statement.
 */

/** "Key judgement" or "Judgement". */
export function judgementKindOf(isKey: boolean): "Key judgement" | "Judgement" {
  return isKey ? "Key judgement" : "Judgement";
}

/** A judgement with the label that names it by number. */
export interface NumberedJudgement<T> {
  judgement: T;
  /** "Key judgement 1", "Judgement 2". */
  label: string;
}

/**
 * Labels judgements given in document order, keeping that order: `[{ isKey: false }, { isKey:
 * true }, { isKey: false }]` are "Judgement 1", "Key judgement 1" and "Judgement 2".
 */
export function numberJudgements<T extends { isKey: boolean }>(judgements: readonly T[]): NumberedJudgement<T>[] {
  let keyCount = 0;
  let otherCount = 0;
  return judgements.map((judgement) => {
    const number = judgement.isKey ? ++keyCount : ++otherCount;
    return { judgement, label: `${judgementKindOf(judgement.isKey)} ${number}` };
  });
}

/**
 * Labels a version's judgements (`VersionJudgementDto`s, each with its `position` in the text),
 * returned in document order: what the version page, its HTML and every export of it call them.
 */
export function numberVersionJudgements<T extends { isKey: boolean; position: number }>(
  judgements: readonly T[],
): NumberedJudgement<T>[] {
  return numberJudgements([...judgements].sort((a, b) => a.position - b.position));
}
