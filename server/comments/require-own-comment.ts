import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Assessment, type Comment, type CommentThread, comments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type Actor, auditActorId } from "../auth/actor";
import { isUuid } from "../policies/require-membership";
import { requireCommentThread } from "./require-comment-thread";

export interface RequireOwnCommentOptions {
  /** The transaction the caller is about to change the comment in. */
  db: Executor;
  actor: Actor;
  assessmentId: string;
  threadId: string;
  commentId: string;
}

/**
 * Loads and locks a comment of a thread for its author to change. Comments of others are 403
 * whatever the caller's role (owners moderate by resolving, not by rewriting someone's words);
 * a deleted comment is 409; unknown ids are 404.
 */
export async function requireOwnComment(
  options: RequireOwnCommentOptions,
): Promise<{ assessment: Assessment; thread: CommentThread; comment: Comment }> {
  const { assessment, thread } = await requireCommentThread(options);
  if (!isUuid(options.commentId)) throw new AppError("not_found:comment");
  const [comment] = await options.db
    .select()
    .from(comments)
    .where(and(eq(comments.id, options.commentId), eq(comments.threadId, thread.id)))
    .for("update");
  if (!comment) throw new AppError("not_found:comment");
  const actorUserId = auditActorId(options.actor);
  if (actorUserId === null || comment.authorId !== actorUserId) {
    throw new AppError("forbidden:comment", "You can only change your own comments.");
  }
  if (comment.deletedAt) throw new AppError("conflict:comment_deleted", "This comment was deleted.");
  return { assessment, thread, comment };
}
