import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type JudgementReview, judgementRevisions, memberships } from "@/db/schema";
import type { WorkspaceRole } from "@/lib/roles";
import type { ReviewNotCountedReason } from "@/lib/schemas/reviews";

/** Roles whose verdicts count. */
export const REVIEWER_ROLES: readonly WorkspaceRole[] = ["owner", "reviewer"];

/** Who the reviewers of some judgements are now: what decides whether their verdicts count. */
export interface ReviewStanding {
  /** Each reviewer's current role in the workspace; absent once they left or were removed. */
  roles: ReadonlyMap<string, WorkspaceRole>;
  /** Per judgement id, the reviewers who are among the editors of any of its revisions. */
  editors: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A verdict weighed against the judgement now and against who its reviewer is now. */
export interface WeighedReview {
  review: JudgementReview;
  /** The reviewer's newest verdict on this judgement (a deleted account's verdicts each stand alone). */
  isLatest: boolean;
  /** The judgement and its evidence are exactly as reviewed. */
  isCurrent: boolean;
  /** Why it does not count whatever it says; null when it may. */
  notCountedReason: ReviewNotCountedReason | null;
}

/** What a judgement's weighed verdicts add up to; only latest verdicts that may count are in it. */
export interface ReviewCount {
  currentApprovals: JudgementReview[];
  staleApprovals: JudgementReview[];
  changeRequests: JudgementReview[];
}

/**
 * The current role of every reviewer of `reviews`, and which of them edited the judgements they
 * reviewed (any revision of the judgement in this assessment lists them among its editors). With
 * `caller`, also the caller's role and every judgement of the assessment they edited (the review
 * panel offers them no Approve there).
 */
export async function loadReviewStanding(
  db: Executor,
  options: { workspaceId: string; assessmentId: string; reviews: readonly JudgementReview[]; caller?: string },
): Promise<ReviewStanding> {
  const reviewerIds = [
    ...new Set([
      ...options.reviews.flatMap((review) => review.reviewerId ?? []),
      ...(options.caller ? [options.caller] : []),
    ]),
  ];
  const judgementIds = [...new Set(options.reviews.map((review) => review.judgementId))];
  if (reviewerIds.length === 0) return { roles: new Map(), editors: new Map() };
  const [members, edits] = await Promise.all([
    db
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, options.workspaceId), inArray(memberships.userId, reviewerIds))),
    db
      .selectDistinct({
        judgementId: judgementRevisions.judgementId,
        userId: sql<string>`jsonb_array_elements_text(${judgementRevisions.editorIds})`,
      })
      .from(judgementRevisions)
      .where(
        and(
          eq(judgementRevisions.assessmentId, options.assessmentId),
          // The caller's edits are wanted on every judgement, reviewed or not.
          options.caller ? undefined : inArray(judgementRevisions.judgementId, judgementIds),
        ),
      ),
  ]);
  const reviewers = new Set(reviewerIds);
  const editors = new Map<string, Set<string>>();
  for (const edit of edits) {
    if (!reviewers.has(edit.userId)) continue;
    const set = editors.get(edit.judgementId) ?? new Set<string>();
    set.add(edit.userId);
    editors.set(edit.judgementId, set);
  }
  return { roles: new Map(members.map((member) => [member.userId, member.role])), editors };
}

/**
 * Weighs one judgement's verdicts (newest first) against its review hash now and its reviewers
 * now. As on GitHub, only verdicts of people who may review now count: a deleted account, a
 * former member or a member whose role no longer reviews neither approves nor blocks. An
 * approval by anyone who ever edited the judgement does not count either (four eyes), even one
 * given before their edit or under the old rule; their requests for changes do.
 */
export function weighReviews(
  reviews: readonly JudgementReview[],
  currentHash: string,
  standing: ReviewStanding,
): WeighedReview[] {
  const seen = new Set<string>();
  return reviews.map((review) => {
    const reviewerKey = review.reviewerId ?? review.id;
    const isLatest = !seen.has(reviewerKey);
    seen.add(reviewerKey);
    return {
      review,
      isLatest,
      isCurrent: review.reviewedHash === currentHash,
      notCountedReason: notCountedReasonOf(review, standing),
    };
  });
}

/** Approvals current and stale, and requests for changes, among the latest verdicts that count. */
export function countReviews(weighed: readonly WeighedReview[]): ReviewCount {
  const counting = weighed.filter((entry) => entry.isLatest && entry.notCountedReason === null);
  const approvals = counting.filter((entry) => entry.review.verdict === "approved");
  return {
    currentApprovals: approvals.filter((entry) => entry.isCurrent).map((entry) => entry.review),
    staleApprovals: approvals.filter((entry) => !entry.isCurrent).map((entry) => entry.review),
    changeRequests: counting
      .filter((entry) => entry.review.verdict === "changes_requested")
      .map((entry) => entry.review),
  };
}

function notCountedReasonOf(review: JudgementReview, standing: ReviewStanding): ReviewNotCountedReason | null {
  if (!review.reviewerId) return "account_deleted";
  const role = standing.roles.get(review.reviewerId);
  if (!role) return "not_a_member";
  if (!REVIEWER_ROLES.includes(role)) return "not_a_reviewer";
  if (review.verdict === "approved" && standing.editors.get(review.judgementId)?.has(review.reviewerId)) {
    return "edited_judgement";
  }
  return null;
}
