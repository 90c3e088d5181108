import { and, desc, eq } from "drizzle-orm";
import { type Executor, getDatabase } from "@/db/client";
import { judgementReviews, judgementRevisions, judgements } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type JudgementReviewDto, type ReviewVerdict, reviewJudgementInput } from "@/lib/schemas/reviews";
import { requireAssessment } from "../assessments/require-assessment";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { publishReviewChanged } from "../events/publish-review-changed";
import { parseInput } from "../http/parse-input";
import { hasEditedJudgement } from "../judgements/has-edited-judgement";
import { recordChangesRequested } from "../notifications/record-changes-requested";
import { announceNotifications, recordNotificationsSafely } from "../notifications/record-notifications";
import { loadReviewSnapshots } from "./review-snapshot";
import { REVIEWER_ROLES } from "./review-standing";
import type { StoredReviewSnapshot } from "./stored-review";

export interface ReviewJudgementOptions {
  /** An owner or reviewer of the assessment's workspace, signed in as themselves. */
  actor: Actor;
  assessmentId: string;
  /** The judgement block's id ("jdg_…"), as projected from this assessment's text. */
  judgementId: string;
  verdict: ReviewVerdict;
  /** Required when requesting changes. */
  comment?: string;
}

/**
 * Records a verdict on one judgement, with a snapshot and hash of exactly what was reviewed: the
 * statement, likelihood, confidence, citations and each cited observation's revision and grades.
 * Nobody may approve a judgement they ever edited (four eyes): an approval vouches for someone
 * else's text, and another reviewer's approval does not make the author's own one independent.
 * Authors may still request changes on their own judgement.
 */
export async function reviewJudgement(options: ReviewJudgementOptions): Promise<JudgementReviewDto> {
  const input = parseInput(reviewJudgementInput, { verdict: options.verdict, comment: options.comment });
  const { actor } = options;
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor, assessmentId: options.assessmentId });
  // Edits typed a moment ago are part of what the reviewer saw: save them before hashing.
  await flushDocumentContent(assessment.id);
  let notified: string[] = [];
  const review = await db.transaction(async (tx) => {
    const { assessment: locked, role } = await requireAssessment({
      db: tx,
      actor,
      assessmentId: assessment.id,
      forUpdate: true,
    });
    if (!REVIEWER_ROLES.includes(role) || actor.via === "operator") {
      throw new AppError("forbidden:review", "Only reviewers and owners can approve or request changes.");
    }
    if (locked.archivedAt) {
      throw new AppError("conflict:assessment_archived", "This assessment is archived. Unarchive it before reviewing.");
    }
    if (locked.status === "published") {
      // A verdict on frozen text would say nothing about the next draft, which is where review goes on.
      throw new AppError(
        "conflict:assessment_published",
        "This assessment is published. Verdicts go on the next draft: start one to review again.",
      );
    }
    const [judgement] = await tx
      .select()
      .from(judgements)
      .where(and(eq(judgements.assessmentId, locked.id), eq(judgements.id, options.judgementId)));
    if (!judgement) throw new AppError("not_found:judgement");
    const [latestRevision] = await tx
      .select({ id: judgementRevisions.id })
      .from(judgementRevisions)
      .where(and(eq(judgementRevisions.assessmentId, locked.id), eq(judgementRevisions.judgementId, judgement.id)))
      .orderBy(desc(judgementRevisions.id))
      .limit(1);
    if (input.verdict === "approved") {
      await refuseSelfApproval({ tx, actorId: actor.id, assessmentId: locked.id, judgementId: judgement.id });
    }
    const current = (await loadReviewSnapshots(tx, locked.workspaceId, [judgement])).get(judgement.id);
    if (!current) throw new Error("no snapshot for a loaded judgement");
    const snapshot: StoredReviewSnapshot = { ...current.snapshot, revisionId: latestRevision?.id ?? null };
    const [row] = await tx
      .insert(judgementReviews)
      .values({
        workspaceId: locked.workspaceId,
        assessmentId: locked.id,
        judgementId: judgement.id,
        reviewerId: actor.id,
        verdict: input.verdict,
        reviewedHash: current.hash,
        snapshot: snapshot as unknown as Record<string, unknown>,
        comment: input.comment ?? "",
      })
      .returning();
    if (!row) throw new Error("insert into judgement_reviews returned no row");
    await recordAuditEvent({
      db: tx,
      workspaceId: locked.workspaceId,
      actorUserId: actor.id,
      action: `judgement.${input.verdict}`,
      targetType: "judgement",
      targetId: judgement.id,
      data: { assessmentId: locked.id, reviewId: row.id, reviewedHash: current.hash, comment: row.comment },
    });
    if (input.verdict === "changes_requested") {
      notified = await recordNotificationsSafely(tx, "changes requested", (savepoint) =>
        recordChangesRequested(savepoint, { actor, assessment: locked, judgement, reviewId: row.id }),
      );
    }
    return row;
  });
  await publishReviewChanged({ assessmentId: assessment.id });
  await announceNotifications(notified);
  return {
    id: review.id,
    judgementId: review.judgementId,
    reviewer: { id: actor.id, name: actor.name },
    verdict: review.verdict,
    comment: review.comment,
    createdAt: review.createdAt.toISOString(),
    isLatest: true,
    isCurrent: true,
    changes: null,
    notCountedReason: null,
  };
}

/** 403 when the actor is among the editors of any revision of the judgement. */
async function refuseSelfApproval(options: {
  tx: Executor;
  actorId: string;
  assessmentId: string;
  judgementId: string;
}): Promise<void> {
  const edited = await hasEditedJudgement(options.tx, {
    userId: options.actorId,
    assessmentId: options.assessmentId,
    judgementId: options.judgementId,
  });
  if (edited) {
    throw new AppError(
      "forbidden:self_approval",
      "You edited this judgement, so someone else must approve it: nobody approves their own work. You can still request changes.",
    );
  }
}
