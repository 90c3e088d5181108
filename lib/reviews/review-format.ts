import type {
  JudgementReviewStateDto,
  JudgementReviewStatus,
  ReviewChangesDto,
  ReviewedObservationDto,
  ReviewNotCountedReason,
} from "../schemas/reviews";
import { INFORMATION_CREDIBILITY, type InformationCredibility } from "../standards/admiralty";
import { CONFIDENCE_DEFINITIONS, type ConfidenceLevel } from "../standards/confidence";
import type { LikelihoodBand } from "../standards/icd203";
import { formatLikelihoodTerm } from "../tradecraft";

export const REVIEW_STATUS_LABELS: Record<JudgementReviewStatus, string> = {
  approved: "Approved",
  stale: "Stale",
  changes_requested: "Changes requested",
  awaiting_review: "Awaiting review",
};

/** Why a verdict no longer counts, as the review panel says it after "not counted:". */
export const REVIEW_NOT_COUNTED_LABELS: Record<ReviewNotCountedReason, string> = {
  account_deleted: "account deleted",
  not_a_member: "no longer a member",
  not_a_reviewer: "no longer a reviewer",
  edited_judgement: "they edited this judgement",
};

/** A judgement's review status as a badge shows it and as assistive technology reads it. */
export interface ReviewStatusText {
  /** Short text, e.g. "Approved 1/1", "Stale 0/1", "Changes requested". */
  label: string;
  /** What the count means, for screen readers and the tooltip, e.g. "1 of 1 required approval current". */
  detail: string;
}

/**
 * The badge text of a judgement's review state. The count is shown wherever approvals matter
 * (approved, stale, awaiting); a request for changes stands whatever the count, so it shows none.
 */
export function formatReviewStatus(
  state: Pick<JudgementReviewStateDto, "status" | "currentApprovals" | "requiredApprovals">,
): ReviewStatusText {
  const label = REVIEW_STATUS_LABELS[state.status];
  const count = `${state.currentApprovals}/${state.requiredApprovals}`;
  return {
    label: state.status === "changes_requested" ? label : `${label} ${count}`,
    detail: `${state.currentApprovals} of ${state.requiredApprovals} required ${
      state.requiredApprovals === 1 ? "approval" : "approvals"
    } current`,
  };
}

/** One line of "what changed since" a review, e.g. label "Likelihood", text "likely (55–80%) → very likely (80–95%)". */
export interface ReviewChangeLine {
  label: string;
  text: string;
}

/**
 * What changed since a review, besides the statement (shown as a word diff), as readable
 * lines: likelihood and confidence before → after, citations added and removed, and each
 * cited observation revised, re-graded or retracted.
 */
export function describeReviewChanges(changes: ReviewChangesDto): ReviewChangeLine[] {
  const lines: ReviewChangeLine[] = [];
  if (changes.likelihood) {
    lines.push({ label: "Likelihood", text: beforeAfter(changes.likelihood, formatLikelihood) });
  }
  if (changes.confidence) {
    lines.push({ label: "Confidence", text: beforeAfter(changes.confidence, formatConfidence) });
  }
  for (const observation of changes.citationsAdded) {
    lines.push({ label: "Citation added", text: observationLabel(observation) });
  }
  for (const observation of changes.citationsRemoved) {
    lines.push({ label: "Citation removed", text: observationLabel(observation) });
  }
  for (const citation of changes.unresolvedCitationsAdded) {
    lines.push({ label: "Unknown citation added", text: citation });
  }
  for (const citation of changes.unresolvedCitationsRemoved) {
    lines.push({ label: "Unknown citation removed", text: citation });
  }
  for (const { before, after } of changes.observations) {
    lines.push({ label: observationLabel(after), text: describeObservationChange(before, after) });
  }
  return lines;
}

/** "OBS-26", or a short form of the UUID for observations without a file id. */
export function observationLabel(observation: Pick<ReviewedObservationDto, "id" | "externalId">): string {
  return observation.externalId ?? `Observation ${observation.id.slice(0, 8)}`;
}

/** How one cited observation changed, e.g. "revised (revision 2 → 3); credibility 2 → 4 (Doubtful)". */
export function describeObservationChange(before: ReviewedObservationDto, after: ReviewedObservationDto): string {
  // Its grades read as empty once it is gone; that is not a re-grade worth listing.
  if (after.revision === null) return "no longer in the workspace";
  const parts: string[] = [];
  if (before.revision !== after.revision) {
    parts.push(`revised (revision ${before.revision ?? "?"} → ${after.revision})`);
  }
  if (before.credibility !== after.credibility && after.credibility !== null) {
    parts.push(
      `re-graded: credibility ${before.credibility ?? "?"} → ${after.credibility} (${credibilityText(after.credibility)})`,
    );
  }
  if (before.reliability.join() !== after.reliability.join()) {
    parts.push(
      `re-graded: source reliability ${before.reliability.join(", ") || "none"} → ${after.reliability.join(", ") || "none"}`,
    );
  }
  if (!before.retracted && after.retracted) parts.push("retracted");
  if (before.retracted && !after.retracted) parts.push("no longer retracted");
  return parts.join("; ") || "changed";
}

function beforeAfter<T>(change: { before: T; after: T }, format: (value: T) => string): string {
  return `${format(change.before)} → ${format(change.after)}`;
}

function formatLikelihood(band: LikelihoodBand | null): string {
  return band ? formatLikelihoodTerm(band) : "none";
}

function formatConfidence(level: ConfidenceLevel | null): string {
  return level ? CONFIDENCE_DEFINITIONS[level].label : "none";
}

function credibilityText(grade: number): string {
  return INFORMATION_CREDIBILITY[grade as InformationCredibility] ?? "unknown grade";
}
