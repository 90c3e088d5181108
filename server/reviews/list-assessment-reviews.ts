import { asc, desc, eq, inArray } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { judgementReviews, judgements, users, workspaces } from "@/db/schema";
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
import { countReviews, loadReviewStanding, type WeighedReview, weighReviews } from "./review-standing";
import { storedSnapshotOf } from "./stored-review";

export interface ListAssessmentReviewsOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
}

/**
 * The review state of each judgement of an assessment, in document order: its status, every
 * verdict (newest first) with whether it is still current, and for verdicts that are not, what
 * changed since. Only each reviewer's latest verdict counts, and only while they are a member who
 * may review; an approval by an editor of the judgement never does. Pending edits this process holds
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
  const standing = await loadReviewStanding(db, {
    workspaceId: assessment.workspaceId,
    assessmentId: assessment.id,
    reviews,
    caller: options.actor.id,
  });
  return {
    assessmentId: assessment.id,
    requiredApprovals: rules.requiredApprovals,
    requiredKeyApprovals: rules.requiredKeyApprovals,
    judgements: rows.map((row) => {
      const now = current.get(row.id);
      if (!now) throw new Error("no snapshot for a loaded judgement");
      const required = row.isKey ? rules.requiredKeyApprovals : rules.requiredApprovals;
      const weighed = weighReviews(
        reviews.filter((review) => review.judgementId === row.id),
        now.hash,
        standing,
      );
      return {
        judgementId: row.id,
        position: row.position,
        statement: row.statement,
        isKey: row.isKey,
        ...statusOf(weighed, required),
        reviews: describeReviews(weighed, now, reviewerById),
        // The panel offers no Approve on a judgement the caller helped write (review-judgement.ts refuses it).
        callerEdited: standing.editors.get(row.id)?.has(options.actor.id) ?? false,
      };
    }),
  };
}

/** A judgement's weighed reviews (newest first) as DTOs, each compared with the judgement as it is now. */
function describeReviews(
  weighed: readonly WeighedReview[],
  now: HashedReviewSnapshot,
  reviewerById: ReadonlyMap<string, { id: string; name: string }>,
): JudgementReviewDto[] {
  return weighed.map(({ review, isLatest, isCurrent, notCountedReason }) => ({
    id: review.id,
    judgementId: review.judgementId,
    reviewer: review.reviewerId ? (reviewerById.get(review.reviewerId) ?? null) : null,
    verdict: review.verdict,
    comment: review.comment,
    createdAt: review.createdAt.toISOString(),
    isLatest,
    isCurrent,
    changes: isCurrent ? null : diffReviewSnapshots(storedSnapshotOf(review), now.snapshot),
    notCountedReason,
  }));
}

/**
 * A request for changes stands until its reviewer approves, whatever else happened, so it wins
 * over enough approvals; approvals count only while current. Verdicts that do not count (see
 * `weighReviews`) neither approve nor block.
 */
function statusOf(
  weighed: readonly WeighedReview[],
  required: number,
): Pick<JudgementReviewStateDto, "status" | "requiredApprovals" | "currentApprovals"> {
  const { currentApprovals, staleApprovals, changeRequests } = countReviews(weighed);
  let status: JudgementReviewStatus = "awaiting_review";
  if (changeRequests.length > 0) status = "changes_requested";
  else if (currentApprovals.length >= required) status = "approved";
  else if (staleApprovals.length > 0) status = "stale";
  return { status, requiredApprovals: required, currentApprovals: currentApprovals.length };
}
