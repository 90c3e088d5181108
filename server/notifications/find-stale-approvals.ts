import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  type JudgementReview,
  type JudgementRow,
  judgementReviews,
  judgements,
  notifications,
  observationSources,
} from "@/db/schema";
import type { ReviewChangesDto } from "@/lib/schemas/reviews";
import { isUuid } from "../policies/require-membership";
import { diffReviewSnapshots } from "../reviews/review-changes";
import { loadReviewSnapshots } from "../reviews/review-snapshot";
import { storedSnapshotOf } from "../reviews/stored-review";

/**
 * Where a change happened: in an assessment's text (its judgements were re-projected), or in
 * evidence of a workspace (observations revised, re-graded or retracted; sources re-graded).
 */
export type StaleApprovalScope =
  | { assessmentId: string }
  | { workspaceId: string; observationIds: readonly string[] }
  | { workspaceId: string; sourceIds: readonly string[] };

/**
 * At most this many judgements are compared per change. A source cited across a whole library
 * could touch hundreds; past the bound the rest are left for the next change to notice (their
 * review pages show them stale regardless).
 */
export const MAX_JUDGEMENTS_CHECKED = 500;

/** At most this many observations of re-graded sources are looked for among citations. */
const MAX_OBSERVATIONS_CHECKED = 2000;

/** An approval that was noticed to be stale, with what changed since. */
export interface StaleApproval {
  review: Pick<JudgementReview, "id" | "reviewerId" | "assessmentId" | "judgementId">;
  judgement: Pick<JudgementRow, "id" | "assessmentId" | "workspaceId" | "statement" | "authorIds">;
  /** The statement as approved, which is what the reviewer remembers (it may read differently now). */
  approvedStatement: string;
  changes: ReviewChangesDto;
}

/**
 * The approvals in `scope` that no longer match what they approved and that nobody has been told
 * about yet: each reviewer's latest verdict on a judgement, when it is an approval whose hash
 * differs from the judgement's hash now (computed exactly as `listAssessmentReviews` does).
 */
export async function findStaleApprovals(db: Executor, scope: StaleApprovalScope): Promise<StaleApproval[]> {
  const candidates = await candidateJudgements(db, scope);
  if (candidates.length === 0) return [];
  const byKey = new Map(candidates.map((judgement) => [`${judgement.assessmentId}/${judgement.id}`, judgement]));
  // Each reviewer's latest verdict per judgement; only approvals can go stale.
  const latest = await db
    .selectDistinctOn([judgementReviews.assessmentId, judgementReviews.judgementId, judgementReviews.reviewerId])
    .from(judgementReviews)
    .where(
      and(
        inArray(judgementReviews.assessmentId, [...new Set(candidates.map((judgement) => judgement.assessmentId))]),
        inArray(judgementReviews.judgementId, [...new Set(candidates.map((judgement) => judgement.id))]),
        sql`${judgementReviews.reviewerId} is not null`,
      ),
    )
    .orderBy(
      judgementReviews.assessmentId,
      judgementReviews.judgementId,
      judgementReviews.reviewerId,
      desc(judgementReviews.createdAt),
      desc(judgementReviews.id),
    );
  const approvals = latest.filter(
    (review) => review.verdict === "approved" && byKey.has(`${review.assessmentId}/${review.judgementId}`),
  );
  if (approvals.length === 0) return [];
  const noticed = await db
    .selectDistinct({ subjectKey: notifications.subjectKey })
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, "approval_stale"),
        inArray(
          notifications.subjectKey,
          approvals.map((review) => review.id),
        ),
      ),
    );
  const alreadyNoticed = new Set(noticed.map((row) => row.subjectKey));
  const unnoticed = approvals.filter((review) => !alreadyNoticed.has(review.id));
  if (unnoticed.length === 0) return [];

  const judged = [...new Set(unnoticed.map((review) => `${review.assessmentId}/${review.judgementId}`))].flatMap(
    (key) => byKey.get(key) ?? [],
  );
  const workspaceId = judged[0]?.workspaceId;
  if (!workspaceId) return [];
  // Keyed by assessment and judgement: block ids repeat across assessments (copied text).
  const snapshots = await loadReviewSnapshots(
    db,
    workspaceId,
    judged.map((judgement) => ({ ...judgement, id: `${judgement.assessmentId}/${judgement.id}` })),
  );
  return unnoticed.flatMap((review) => {
    const key = `${review.assessmentId}/${review.judgementId}`;
    const judgement = byKey.get(key);
    const now = snapshots.get(key);
    if (!judgement || !now || now.hash === review.reviewedHash) return [];
    const approvedSnapshot = storedSnapshotOf(review);
    return [
      {
        review,
        judgement,
        approvedStatement: approvedSnapshot.statement,
        changes: diffReviewSnapshots(approvedSnapshot, now.snapshot),
      },
    ];
  });
}

/** The judgements a change may have touched, all of one workspace. */
async function candidateJudgements(db: Executor, scope: StaleApprovalScope): Promise<JudgementRow[]> {
  if ("assessmentId" in scope) {
    if (!isUuid(scope.assessmentId)) return [];
    return db
      .select()
      .from(judgements)
      .where(eq(judgements.assessmentId, scope.assessmentId))
      .limit(MAX_JUDGEMENTS_CHECKED);
  }
  const observationIds =
    "observationIds" in scope ? [...scope.observationIds] : await observationsOfSources(db, scope.sourceIds);
  const ids = [...new Set(observationIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return [];
  return db
    .select()
    .from(judgements)
    .where(
      and(
        eq(judgements.workspaceId, scope.workspaceId),
        // jsonb `?|`: the array of cited ids holds any of these strings.
        sql`${judgements.citedObservationIds} ?| array[${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}]::text[]`,
      ),
    )
    .limit(MAX_JUDGEMENTS_CHECKED);
}

/** The observations a source backs: re-grading the source changes what each is worth. */
async function observationsOfSources(db: Executor, sourceIds: readonly string[]): Promise<string[]> {
  const ids = sourceIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: observationSources.observationId })
    .from(observationSources)
    .where(inArray(observationSources.sourceId, ids))
    .limit(MAX_OBSERVATIONS_CHECKED);
  return rows.map((row) => row.id);
}
