import { type Executor, getDatabase } from "@/db/client";
import type { Assessment } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";

export interface WithLockedAssessmentOptions {
  actor: Actor;
  assessmentId: string;
  /** Roles allowed; anyone else gets `refusal` (non-members get the assessment's 404 first). */
  roles: readonly WorkspaceRole[];
  refusal: () => AppError;
}

/**
 * Runs `work` in a transaction holding the assessment's row lock, for a member whose role is
 * allowed. Edits typed a moment ago are saved first: the judgement a forecast is checked or
 * scored against must be the one on screen, not the projection of a few seconds ago.
 */
export async function withLockedAssessment<T>(
  options: WithLockedAssessmentOptions,
  work: (tx: Executor, assessment: Assessment) => Promise<T>,
): Promise<T> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  await flushDocumentContent(assessment.id);
  return db.transaction(async (tx) => {
    const { assessment: locked, role } = await requireAssessment({
      db: tx,
      actor: options.actor,
      assessmentId: assessment.id,
      forUpdate: true,
    });
    if (!options.roles.includes(role)) throw options.refusal();
    return work(tx, locked);
  });
}
