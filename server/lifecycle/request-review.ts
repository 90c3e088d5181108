import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { reviewRequests } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { requestReviewInput } from "@/lib/schemas/lifecycle";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishAssessmentChanged } from "../events/publish-assessment-changed";
import { parseInput } from "../http/parse-input";
import {
  announceNotifications,
  recordNotifications,
  recordNotificationsSafely,
} from "../notifications/record-notifications";
import { clearReviewRequests, loadReviewerCandidates } from "./lifecycle-rows";
import { changeStatus, requireLifecycleStep } from "./require-lifecycle-step";

export interface RequestReviewOptions {
  /** An owner or analyst of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  /** Members with the role reviewer or owner, other than the actor. */
  reviewerIds: string[];
}

/** What a review request did: whether it moved the assessment into review, and whom it asked. */
export interface RequestReviewResult {
  movedToReview: boolean;
  /** Reviewers asked now (not those asked before in the same round). */
  askedIds: string[];
}

/**
 * Asks named reviewers to review an assessment. From draft it moves the assessment to in_review
 * and asks everyone named (again, if they were asked in an earlier round); while in review it
 * adds reviewers, and naming someone already asked changes nothing for them. Each reviewer
 * asked gets a `review_requested` notification. Names that are not reviewers or owners of the
 * workspace, or the caller, are a 400 with nothing changed.
 */
export async function requestReview(options: RequestReviewOptions): Promise<RequestReviewResult> {
  const input = parseInput(requestReviewInput, { reviewerIds: options.reviewerIds });
  const named = [...new Set(input.reviewerIds.map((id) => id.toLowerCase()))];
  const actorUserId = auditActorId(options.actor);
  let announce: string[] = [];
  const result = await getDatabase().transaction(async (tx) => {
    const { assessment } = await requireLifecycleStep({
      tx,
      actor: options.actor,
      assessmentId: options.assessmentId,
      action: "request_review",
    });
    const candidates = await loadReviewerCandidates(tx, {
      workspaceId: assessment.workspaceId,
      exceptUserId: actorUserId,
      onlyIds: named,
    });
    const eligible = new Set(candidates.map((candidate) => candidate.id));
    const refused = named.filter((id) => !eligible.has(id));
    if (refused.length > 0) {
      throw new AppError("bad_request:validation", "Some reviewers cannot be asked.", {
        fields: {
          reviewerIds: refused.map((id) =>
            id === actorUserId
              ? "You cannot review at your own request: choose someone else."
              : `${id} is not a reviewer or owner of this workspace.`,
          ),
        },
      });
    }
    const movedToReview = assessment.status === "draft";
    // A new round asks only those named now (rows an earlier round left, before rounds were cleared, go).
    if (movedToReview) await clearReviewRequests(tx, assessment.id);
    const already = new Set(
      movedToReview
        ? []
        : (
            await tx
              .select({ reviewerId: reviewRequests.reviewerId })
              .from(reviewRequests)
              .where(eq(reviewRequests.assessmentId, assessment.id))
          ).map((row) => row.reviewerId),
    );
    const asked = candidates.filter((candidate) => !already.has(candidate.id));
    if (asked.length === 0) return { movedToReview, askedIds: [] };
    await tx
      .insert(reviewRequests)
      .values(
        asked.map((reviewer) => ({ assessmentId: assessment.id, reviewerId: reviewer.id, requestedBy: actorUserId })),
      )
      .onConflictDoUpdate({
        target: [reviewRequests.assessmentId, reviewRequests.reviewerId],
        set: { requestedBy: actorUserId, requestedAt: sql`now()` },
      });
    const reviewers = asked.map((reviewer) => ({ id: reviewer.id, name: reviewer.name }));
    if (movedToReview) {
      await changeStatus({ tx, assessment, to: "in_review", actorUserId, data: { reviewers } });
    }
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "assessment.review_requested",
      targetType: "assessment",
      targetId: assessment.id,
      data: { reviewers },
    });
    // A request matters more than telling someone about it: a failed notification only logs.
    announce = await recordNotificationsSafely(tx, "review requested", (savepoint) =>
      recordNotifications(
        savepoint,
        asked.map((reviewer) => ({
          userId: reviewer.id,
          workspaceId: assessment.workspaceId,
          assessmentId: assessment.id,
          kind: "review_requested" as const,
          actorUserId,
          summary: `${options.actor.name} asked you to review “${assessment.title}”.`,
        })),
      ),
    );
    return { movedToReview, askedIds: asked.map((reviewer) => reviewer.id) };
  });
  await announceNotifications(announce);
  if (result.movedToReview && result.askedIds.length > 0) {
    await publishAssessmentChanged({ assessmentId: options.assessmentId });
  }
  return result;
}
