import { z } from "zod";
import { SOURCE_RELIABILITY_GRADES } from "../standards/admiralty";
import { CONFIDENCE_LEVELS } from "../standards/confidence";
import { LIKELIHOOD_BANDS } from "../standards/icd203";

export const REVIEW_VERDICTS = ["approved", "changes_requested"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const JUDGEMENT_REVIEW_STATUSES = ["approved", "stale", "changes_requested", "awaiting_review"] as const;
export type JudgementReviewStatus = (typeof JUDGEMENT_REVIEW_STATUSES)[number];

/**
 * Why a verdict does not count, whatever it says: only verdicts of current members who may
 * review (owners, reviewers) count, and an approval never counts from someone who edited the
 * judgement (four eyes). The verdict stays in the history and the audit trail.
 */
export const REVIEW_NOT_COUNTED_REASONS = [
  "account_deleted",
  "not_a_member",
  "not_a_reviewer",
  "edited_judgement",
] as const;
export type ReviewNotCountedReason = (typeof REVIEW_NOT_COUNTED_REASONS)[number];

/** Body of `POST /api/v1/assessments/{assessmentId}/judgements/{judgementId}/reviews`. */
export const reviewJudgementInput = z
  .object(
    {
      verdict: z.enum(REVIEW_VERDICTS, { error: "Choose a verdict: approved or changes_requested." }),
      comment: z
        .string({ error: "The comment must be text." })
        .trim()
        .max(4000, "Use at most 4000 characters for the comment.")
        .optional(),
    },
    { error: "Send a JSON object." },
  )
  .superRefine((value, context) => {
    if (value.verdict === "changes_requested" && !value.comment) {
      context.addIssue({ code: "custom", path: ["comment"], message: "Say what should change." });
    }
  })
  .meta({ id: "ReviewJudgementInput" });
export type ReviewJudgementInput = z.infer<typeof reviewJudgementInput>;

/** A cited observation as a review saw it. */
export const reviewedObservationDto = z
  .object({
    id: z.uuid(),
    externalId: z.string().nullable().describe("Its label, e.g. OBS-26."),
    revision: z.number().int().nullable().describe("Null when the observation is no longer in the workspace."),
    credibility: z.number().int().nullable(),
    reliability: z
      .array(z.enum(SOURCE_RELIABILITY_GRADES))
      .describe("The reliability grade of each of its sources, in the order listed."),
    retracted: z.boolean(),
  })
  .meta({ id: "ReviewedObservation" });
export type ReviewedObservationDto = z.infer<typeof reviewedObservationDto>;

const beforeAfter = <T extends z.ZodType>(value: T) => z.object({ before: value, after: value }).nullable();

/** What changed between what a review saw and the judgement now. */
export const reviewChangesDto = z
  .object({
    statement: beforeAfter(z.string()),
    likelihood: beforeAfter(z.enum(LIKELIHOOD_BANDS).nullable()),
    confidence: beforeAfter(z.enum(CONFIDENCE_LEVELS).nullable()),
    citationsAdded: z.array(reviewedObservationDto),
    citationsRemoved: z.array(reviewedObservationDto),
    unresolvedCitationsAdded: z.array(z.string()),
    unresolvedCitationsRemoved: z.array(z.string()),
    observations: z
      .array(z.object({ id: z.uuid(), before: reviewedObservationDto, after: reviewedObservationDto }))
      .describe("Observations cited then and now that were revised, re-graded or retracted."),
  })
  .meta({ id: "ReviewChanges" });
export type ReviewChangesDto = z.infer<typeof reviewChangesDto>;

/** One verdict on a judgement. */
export const judgementReviewDto = z
  .object({
    id: z.uuid(),
    judgementId: z.string(),
    reviewer: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("Null once the account is deleted."),
    verdict: z.enum(REVIEW_VERDICTS),
    comment: z.string(),
    createdAt: z.iso.datetime(),
    isLatest: z.boolean().describe("The reviewer's latest verdict on this judgement: only that one counts."),
    isCurrent: z.boolean().describe("The judgement and its evidence are exactly as reviewed."),
    changes: reviewChangesDto.nullable().describe("What changed since, when the review is no longer current."),
    notCountedReason: z
      .enum(REVIEW_NOT_COUNTED_REASONS)
      .nullable()
      .describe(
        "Why this verdict no longer counts toward the judgement's status, as of now: the reviewer's account was " +
          "deleted, they left the workspace, their role no longer reviews (only owners and reviewers do), or, for " +
          "an approval, they edited the judgement. Null when nothing about who gave it stops it counting.",
      ),
  })
  .meta({ id: "JudgementReview" });
export type JudgementReviewDto = z.infer<typeof judgementReviewDto>;

/** A judgement's review state. */
export const judgementReviewStateDto = z
  .object({
    judgementId: z.string(),
    position: z.number().int(),
    statement: z.string(),
    isKey: z.boolean(),
    status: z
      .enum(JUDGEMENT_REVIEW_STATUSES)
      .describe(
        "changes_requested while some reviewer's latest verdict asks for changes; approved with enough current " +
          "approvals; stale when approvals went stale and too few are current; otherwise awaiting_review. Only " +
          "verdicts whose notCountedReason is null count.",
      ),
    requiredApprovals: z.number().int(),
    currentApprovals: z.number().int(),
    reviews: z.array(judgementReviewDto).describe("Newest first."),
    callerEdited: z
      .boolean()
      .describe(
        "The caller is among the editors of the judgement's revisions: they may request changes but not approve it (four eyes).",
      ),
  })
  .meta({ id: "JudgementReviewState" });
export type JudgementReviewStateDto = z.infer<typeof judgementReviewStateDto>;

/** The review state of every judgement of an assessment, in document order. */
export const assessmentReviewsDto = z
  .object({
    assessmentId: z.uuid(),
    requiredApprovals: z.number().int(),
    requiredKeyApprovals: z.number().int(),
    judgements: z.array(judgementReviewStateDto),
  })
  .meta({ id: "AssessmentReviews" });
export type AssessmentReviewsDto = z.infer<typeof assessmentReviewsDto>;
