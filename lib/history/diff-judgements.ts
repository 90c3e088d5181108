import { diffWords } from "../reviews/word-diff";
import type { JudgementDiffDto } from "../schemas/history";
import type { VersionJudgementDto } from "../schemas/lifecycle";

/** Compares a value on two sides; `same` decides equality (structured values compare by a key). */
function compare<T>(before: T | null, after: T | null, key: (value: T) => unknown = (value) => value) {
  const isChanged = (before === null ? null : key(before)) !== (after === null ? null : key(after));
  return { before, after, isChanged };
}

/** How one judgement differs; either side may be missing (added or removed). */
export function diffJudgement(
  id: string,
  before: VersionJudgementDto | undefined,
  after: VersionJudgementDto | undefined,
): JudgementDiffDto {
  const statement = compare(before?.statement ?? null, after?.statement ?? null);
  const likelihood = compare(before?.likelihood ?? null, after?.likelihood ?? null, (value) => value.band);
  const confidence = compare(before?.confidence ?? null, after?.confidence ?? null, (value) => value.level);
  const isKey = compare(before?.isKey ?? null, after?.isKey ?? null);
  const cited = new Set(before?.citations.map((citation) => citation.observationId));
  const citing = new Set(after?.citations.map((citation) => citation.observationId));
  const citationsAdded = (after?.citations ?? []).filter((citation) => !cited.has(citation.observationId));
  const citationsRemoved = (before?.citations ?? []).filter((citation) => !citing.has(citation.observationId));
  const unresolved = (judgement: VersionJudgementDto | undefined) =>
    [...(judgement?.unresolvedCitations ?? [])].sort().join("\n");
  const isChanged =
    statement.isChanged ||
    likelihood.isChanged ||
    confidence.isChanged ||
    isKey.isChanged ||
    citationsAdded.length + citationsRemoved.length > 0 ||
    unresolved(before) !== unresolved(after);
  return {
    id,
    change: !before ? "added" : !after ? "removed" : isChanged ? "changed" : "unchanged",
    statement: { ...statement, diff: diffWords(statement.before ?? "", statement.after ?? "") },
    likelihood,
    confidence,
    isKey,
    citationsAdded,
    citationsRemoved,
    approvals: { before: before?.approvals ?? [], after: after?.approvals ?? [] },
  };
}

/**
 * Every judgement of either side, matched by block id, in the newer side's order; a removed
 * judgement is placed after the judgement that preceded it in the older side (or first).
 */
export function diffJudgements(
  before: readonly VersionJudgementDto[],
  after: readonly VersionJudgementDto[],
): JudgementDiffDto[] {
  const older = new Map(before.map((judgement) => [judgement.id, judgement]));
  const newer = new Map(after.map((judgement) => [judgement.id, judgement]));
  const order: string[] = after.map((judgement) => judgement.id);
  let previous: string | null = null;
  for (const judgement of before) {
    if (!newer.has(judgement.id)) {
      const at = previous === null ? 0 : order.indexOf(previous) + 1;
      order.splice(at, 0, judgement.id);
    }
    previous = judgement.id;
  }
  return order.map((id) => diffJudgement(id, older.get(id), newer.get(id)));
}
