import type { ReviewChangesDto, ReviewedObservationDto } from "@/lib/schemas/reviews";
import type { ReviewSnapshot } from "./review-snapshot";

/**
 * What changed between a review's snapshot and the judgement now: statement and fields before
 * and after, citations added and removed, and cited observations revised, re-graded or retracted.
 */
export function diffReviewSnapshots(before: ReviewSnapshot, after: ReviewSnapshot): ReviewChangesDto {
  const then = new Map(before.observations.map((observation) => [observation.id, observation]));
  const now = new Map(after.observations.map((observation) => [observation.id, observation]));
  const unresolvedThen = new Set(before.unresolvedCitations);
  const unresolvedNow = new Set(after.unresolvedCitations);
  return {
    statement: changed(before.statement, after.statement),
    likelihood: changed(before.likelihood, after.likelihood),
    confidence: changed(before.confidence, after.confidence),
    citationsAdded: after.observations.filter((observation) => !then.has(observation.id)),
    citationsRemoved: before.observations.filter((observation) => !now.has(observation.id)),
    unresolvedCitationsAdded: after.unresolvedCitations.filter((citation) => !unresolvedThen.has(citation)),
    unresolvedCitationsRemoved: before.unresolvedCitations.filter((citation) => !unresolvedNow.has(citation)),
    observations: after.observations.flatMap((current) => {
      const previous = then.get(current.id);
      return previous && !sameObservation(previous, current)
        ? [{ id: current.id, before: previous, after: current }]
        : [];
    }),
  };
}

function changed<T>(before: T, after: T): { before: T; after: T } | null {
  return before === after ? null : { before, after };
}

function sameObservation(a: ReviewedObservationDto, b: ReviewedObservationDto): boolean {
  return (
    a.revision === b.revision &&
    a.credibility === b.credibility &&
    a.retracted === b.retracted &&
    a.reliability.join() === b.reliability.join()
  );
}
