import { getDatabase } from "@/db/client";
import { allowedLifecycleActions } from "@/lib/lifecycle/lifecycle-rules";
import type { LifecycleDto } from "@/lib/schemas/lifecycle";
import { requireAssessment } from "../assessments/require-assessment";
import { type Actor, auditActorId } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { evaluatePublishGate } from "./evaluate-publish-gate";
import { loadReviewerCandidates, loadReviewRequests, loadVersionSummaries } from "./lifecycle-rows";
import { readFrozenDocument } from "./read-frozen-document";

export interface GetLifecycleOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
}

/**
 * Where an assessment stands in its lifecycle, for its page and `GET …/status`: the status, the
 * steps the caller may take, the publish gate checked on the text as stored now (read-only: the
 * same check approving and publishing make), who was asked in the current review round, and the
 * frozen versions.
 * Pending derived content this process holds is saved first, as the review views do.
 */
export async function getLifecycle(options: GetLifecycleOptions): Promise<LifecycleDto> {
  const db = getDatabase();
  const { assessment, role } = await requireAssessment({
    db,
    actor: options.actor,
    assessmentId: options.assessmentId,
  });
  await flushDocumentContent(assessment.id);
  const document = await readFrozenDocument(db, assessment.id);
  const { gate } = await evaluatePublishGate({ db, assessment, document });
  const allowedActions = allowedLifecycleActions({
    role,
    status: assessment.status,
    isArchived: assessment.archivedAt !== null,
  });
  const [reviewRequests, reviewerCandidates, versions] = await Promise.all([
    loadReviewRequests(db, assessment),
    allowedActions.includes("request_review")
      ? loadReviewerCandidates(db, {
          workspaceId: assessment.workspaceId,
          exceptUserId: auditActorId(options.actor),
        })
      : [],
    loadVersionSummaries(db, assessment.id),
  ]);
  return {
    assessmentId: assessment.id,
    status: assessment.status,
    isArchived: assessment.archivedAt !== null,
    role,
    allowedActions,
    gate,
    reviewRequests,
    reviewerCandidates,
    versions,
  };
}
