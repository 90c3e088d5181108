import { describeObservationChange } from "../reviews/review-format";
import { diffWords } from "../reviews/word-diff";
import type { CitationRevisionDto, JudgementDiffDto } from "../schemas/history";
import type { VersionCitationDto, VersionJudgementDto } from "../schemas/lifecycle";
import type { ReviewedObservationDto } from "../schemas/reviews";
import { describeCitationContent } from "./describe-citation-content";

/** Compares a value on two sides; `same` decides equality (structured values compare by a key). */
function compare<T>(before: T | null, after: T | null, key: (value: T) => unknown = (value) => value) {
  const isChanged = (before === null ? null : key(before)) !== (after === null ? null : key(after));
  return { before, after, isChanged };
}

/** A frozen citation as a review sees it: the fields whose change makes an approval stale. */
function asReviewed(citation: VersionCitationDto): ReviewedObservationDto {
  return {
    id: citation.observationId,
    externalId: citation.externalId,
    revision: citation.revision,
    credibility: citation.credibility,
    reliability: citation.sources.map((source) => source.reliability),
    retracted: citation.retracted,
  };
}

/**
 * Observations cited on both sides whose frozen record differs in what an approval vouches for
 * (server/reviews/review-snapshot.ts): revision, credibility, its sources' reliability, retraction.
 */
function revisedCitations(
  before: VersionJudgementDto | undefined,
  after: VersionJudgementDto | undefined,
): CitationRevisionDto[] {
  const older = new Map(before?.citations.map((citation) => [citation.observationId, citation]));
  return (after?.citations ?? []).flatMap((citation) => {
    const then = older.get(citation.observationId);
    if (!then) return [];
    const [was, now] = [asReviewed(then), asReviewed(citation)];
    const isSame =
      was.revision === now.revision &&
      was.credibility === now.credibility &&
      was.reliability.join() === now.reliability.join() &&
      was.retracted === now.retracted;
    if (isSame) return [];
    // What the revision changed in substance, then how it was graded: "revised (revision 2 → 3):
    // rail cars ≈60 → ≈65; re-graded: credibility 2 → 3 (Possibly true)".
    const grading = describeObservationChange(was, now);
    const content = describeCitationContent(then, citation);
    const description =
      content.length === 0
        ? grading
        : grading.startsWith("revised")
          ? grading.replace(/^(revised \([^)]*\))/, `$1: ${content.join("; ")}`)
          : `${content.join("; ")}; ${grading}`;
    return [{ before: then, after: citation, description }];
  });
}

/** Reviewer and time of each approval, to tell whether the set of current approvals moved. */
function approvalKeys(judgement: VersionJudgementDto | undefined): string {
  return (judgement?.approvals ?? [])
    .map((approval) => `${approval.reviewer?.id ?? "deleted"}@${approval.approvedAt}`)
    .sort()
    .join("\n");
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
  const citationsRevised = revisedCitations(before, after);
  const isChanged =
    statement.isChanged ||
    likelihood.isChanged ||
    confidence.isChanged ||
    isKey.isChanged ||
    citationsAdded.length + citationsRemoved.length + citationsRevised.length > 0 ||
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
    citationsRevised,
    approvals: {
      before: before?.approvals ?? [],
      after: after?.approvals ?? [],
      isChanged: approvalKeys(before) !== approvalKeys(after),
    },
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
