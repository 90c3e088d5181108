import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type JudgementRow, judgementReviews } from "@/db/schema";
import { loadReviewSnapshots } from "../reviews/review-snapshot";

/**
 * The reviewers whose approval of the judgement is current: their latest verdict on it approves
 * exactly the judgement and evidence as they are now (the review backend's rule). These are the
 * reviewers a forecast's outcome is credited to, so a stale approval vouches for nothing here.
 */
export async function currentApproverIds(
  db: Executor,
  workspaceId: string,
  judgement: JudgementRow,
): Promise<string[]> {
  const reviews = await db
    .select({
      reviewerId: judgementReviews.reviewerId,
      verdict: judgementReviews.verdict,
      reviewedHash: judgementReviews.reviewedHash,
    })
    .from(judgementReviews)
    .where(
      and(eq(judgementReviews.assessmentId, judgement.assessmentId), eq(judgementReviews.judgementId, judgement.id)),
    )
    .orderBy(desc(judgementReviews.createdAt), desc(judgementReviews.id));
  if (reviews.length === 0) return [];
  const current = (await loadReviewSnapshots(db, workspaceId, [judgement])).get(judgement.id);
  const seen = new Set<string>();
  const approvers: string[] = [];
  for (const review of reviews) {
    // A deleted account has no id left to credit.
    if (!review.reviewerId || seen.has(review.reviewerId)) continue;
    seen.add(review.reviewerId);
    if (review.verdict === "approved" && review.reviewedHash === current?.hash) approvers.push(review.reviewerId);
  }
  return approvers;
}
