import { asc, desc, eq, inArray } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { type JudgementReview, judgementReviews, judgements, users, workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type {
  AssessmentReviewsDto,
  JudgementReviewDto,
  JudgementReviewStateDto,
  JudgementReviewStatus,
} from "@/lib/schemas/reviews";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { diffReviewSnapshots } from "./review-changes";
import { type HashedReviewSnapshot, loadReviewSnapshots } from "./review-snapshot";
import { storedSnapshotOf } from "./stored-review";

export interface ListAssessmentReviewsOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
}

/**
 * The review state of each judgement of an assessment, in document order: its status, every
 * verdict (newest first) with whether it is still current, and for verdicts that are not, what
 * changed since. Only each reviewer's latest verdict counts. Pending edits this process holds
 * are saved first, so a judgement changed a moment ago already shows its approvals as stale.
 */
export async function listAssessmentReviews(options: ListAssessmentReviewsOptions): Promise<AssessmentReviewsDto> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  await flushDocumentContent(assessment.id);
  const [rules] = await db
    .select({ requiredApprovals: workspaces.requiredApprovals, requiredKeyApprovals: workspaces.requiredKeyApprovals })
    .from(workspaces)
    .where(eq(workspaces.id, assessment.workspaceId));
  if (!rules) throw new AppError("not_found:assessment");
  const rows = await db
    .select()
    .from(judgements)
    .where(eq(judgements.assessmentId, assessment.id))
    .orderBy(asc(judgements.position), asc(judgements.id));
  const reviews = await db
    .select()
    .from(judgementReviews)
    .where(eq(judgementReviews.assessmentId, assessment.id))
    .orderBy(desc(judgementReviews.createdAt), desc(judgementReviews.id));
  const reviewerIds = [...new Set(reviews.flatMap((review) => review.reviewerId ?? []))];
  const reviewers =
    reviewerIds.length === 0
      ? []
      : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, reviewerIds));
  const reviewerById = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer]));
  const current = await loadReviewSnapshots(db, assessment.workspaceId, rows);
  return {
    assessmentId: assessment.id,
    requiredApprovals: rules.requiredApprovals,
    requiredKeyApprovals: rules.requiredKeyApprovals,
    judgements: rows.map((row) => {
      const now = current.get(row.id);
      if (!now) throw new Error("no snapshot for a loaded judgement");
      const required = row.isKey ? rules.requiredKeyApprovals : rules.requiredApprovals;
      const dtos = describeReviews(
        reviews.filter((review) => review.judgementId === row.id),
        now,
        reviewerById,
      );
      return {
        judgementId: row.id,
        position: row.position,
        statement: row.statement,
        isKey: row.isKey,
        ...statusOf(dtos, required),
        reviews: dtos,
      };
    }),
  };
}

/** A judgement's reviews (newest first) as DTOs, each compared with the judgement as it is now. */
function describeReviews(
  reviews: readonly JudgementReview[],
  now: HashedReviewSnapshot,
  reviewerById: ReadonlyMap<string, { id: string; name: string }>,
): JudgementReviewDto[] {
  const seen = new Set<string>();
  return reviews.map((review) => {
    // A deleted account's verdicts each stand alone: there is nobody left to supersede them.
    const reviewerKey = review.reviewerId ?? review.id;
    const isLatest = !seen.has(reviewerKey);
    seen.add(reviewerKey);
    const isCurrent = review.reviewedHash === now.hash;
    return {
      id: review.id,
      judgementId: review.judgementId,
      reviewer: review.reviewerId ? (reviewerById.get(review.reviewerId) ?? null) : null,
      verdict: review.verdict,
      comment: review.comment,
      createdAt: review.createdAt.toISOString(),
      isLatest,
      isCurrent,
      changes: isCurrent ? null : diffReviewSnapshots(storedSnapshotOf(review), now.snapshot),
    };
  });
}

/**
 * A request for changes stands until its reviewer approves, whatever else happened, so it wins
 * over enough approvals; approvals count only while current.
 */
function statusOf(
  reviews: readonly JudgementReviewDto[],
  required: number,
): Pick<JudgementReviewStateDto, "status" | "requiredApprovals" | "currentApprovals"> {
  const latest = reviews.filter((review) => review.isLatest);
  const approvals = latest.filter((review) => review.verdict === "approved");
  const currentApprovals = approvals.filter((review) => review.isCurrent).length;
  let status: JudgementReviewStatus = "awaiting_review";
  if (latest.some((review) => review.verdict === "changes_requested")) status = "changes_requested";
  else if (currentApprovals >= required) status = "approved";
  else if (approvals.length > currentApprovals) status = "stale";
  return { status, requiredApprovals: required, currentApprovals };
}
