import type { ReviewChangesDto, ReviewedObservationDto } from "@/lib/schemas/reviews";

/** Reasons named in one summary; the review page lists every change. */
const MAX_REASONS = 2;

function labelOf(observation: ReviewedObservationDto): string {
  return observation.externalId ?? "a cited observation";
}

/**
 * Why an approval went stale, in a few words for a one-line summary: "the likelihood changed",
 * "OBS-26 was retracted", "OBS-26 was re-graded". Grades and retraction are named before plain
 * revisions, since they change what the evidence is worth.
 */
export function describeStaleApproval(changes: ReviewChangesDto): string {
  const reasons: string[] = [];
  if (changes.statement) reasons.push("the statement changed");
  if (changes.likelihood) reasons.push("the likelihood changed");
  if (changes.confidence) reasons.push("the confidence changed");
  if (
    changes.citationsAdded.length +
      changes.citationsRemoved.length +
      changes.unresolvedCitationsAdded.length +
      changes.unresolvedCitationsRemoved.length >
    0
  ) {
    reasons.push("its citations changed");
  }
  for (const { before, after } of changes.observations) {
    if (after.retracted && !before.retracted) reasons.push(`${labelOf(after)} was retracted`);
    else if (after.credibility !== before.credibility || after.reliability.join() !== before.reliability.join()) {
      reasons.push(`${labelOf(after)} was re-graded`);
    } else reasons.push(`${labelOf(after)} was revised`);
  }
  if (reasons.length === 0) return "what it approved changed";
  const named = reasons.slice(0, MAX_REASONS).join(", ");
  return reasons.length > MAX_REASONS ? `${named} and more` : named;
}
