import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Assessment, type CommentThread, commentThreads } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { isUuid } from "../policies/require-membership";

export interface RequireCommentThreadOptions {
  /** The transaction the caller is about to change the thread in. */
  db: Executor;
  actor: Actor;
  assessmentId: string;
  threadId: string;
  /** Lock the thread row until the transaction ends, so concurrent changes queue. */
  forUpdate?: boolean;
}

/**
 * Refuses comment writes on an archived assessment: it is read-only for everyone until restored,
 * and a thread started there could never be acted on.
 */
export function assertCommentable(assessment: Assessment): void {
  if (assessment.archivedAt) {
    throw new AppError(
      "conflict:assessment_archived",
      "This assessment is archived. Restore it before commenting or changing its threads.",
    );
  }
}

/**
 * Loads a thread of an assessment for a change, with the caller's role. Any member may go on
 * (reviewers and viewers comment too); non-members, unknown ids and a thread of another
 * assessment all give 404. An archived assessment is 409.
 */
export async function requireCommentThread(
  options: RequireCommentThreadOptions,
): Promise<{ assessment: Assessment; role: WorkspaceRole; thread: CommentThread }> {
  const { assessment, role } = await requireAssessment({
    db: options.db,
    actor: options.actor,
    assessmentId: options.assessmentId,
  });
  if (!isUuid(options.threadId)) throw new AppError("not_found:comment_thread");
  const query = options.db
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.id, options.threadId), eq(commentThreads.assessmentId, assessment.id)));
  const [thread] = options.forUpdate ? await query.for("update") : await query;
  if (!thread) throw new AppError("not_found:comment_thread");
  assertCommentable(assessment);
  return { assessment, role, thread };
}
