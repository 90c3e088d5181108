import type { JudgementReview } from "@/db/schema";
import type { ReviewSnapshot } from "./review-snapshot";

/**
 * What a review row keeps in `snapshot`: the reviewed content, plus the id of the judgement's
 * latest `judgement_revisions` row when it was written. The revision id is not hashed: it only
 * marks which edits the review covered.
 */
export interface StoredReviewSnapshot extends ReviewSnapshot {
  revisionId: number | null;
}

/** The snapshot of a stored review. */
export function storedSnapshotOf(review: Pick<JudgementReview, "snapshot">): StoredReviewSnapshot {
  return review.snapshot as unknown as StoredReviewSnapshot;
}
