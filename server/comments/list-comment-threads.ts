import { getDatabase } from "@/db/client";
import type { CommentThreadDto, CommentThreadStatusFilter } from "@/lib/schemas/comments";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { loadCommentThreads } from "./load-comment-threads";

export interface ListCommentThreadsOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  /** Which threads: open, resolved or all (default). */
  status?: CommentThreadStatusFilter;
}

/**
 * An assessment's comment threads, oldest first, each with its comments, the names of their
 * authors and of the people they mention. Archived assessments list theirs too. Non-members get 404.
 */
export async function listCommentThreads(options: ListCommentThreadsOptions): Promise<CommentThreadDto[]> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  return loadCommentThreads({ db, assessmentId: assessment.id, status: options.status ?? "all" });
}
