import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { comments } from "@/db/schema";
import type { CommentDto } from "@/lib/schemas/comments";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishCommentsChanged } from "../events/publish-comments-changed";
import { loadCommentDto } from "./load-comment-threads";
import { requireOwnComment } from "./require-own-comment";

export interface DeleteCommentOptions {
  /** The comment's author; anyone else gets 403. */
  actor: Actor;
  assessmentId: string;
  threadId: string;
  commentId: string;
}

/**
 * Deletes one's own comment, leaving a tombstone so the replies around it keep their context
 * ("deleted comment"); the API returns it with an empty body. The thread stays.
 */
export async function deleteComment(options: DeleteCommentOptions): Promise<CommentDto> {
  const actorUserId = auditActorId(options.actor);
  const comment = await getDatabase().transaction(async (tx) => {
    const { assessment, thread, comment: before } = await requireOwnComment({ db: tx, ...options });
    const [row] = await tx
      .update(comments)
      .set({ deletedAt: sql`now()` })
      .where(eq(comments.id, before.id))
      .returning();
    if (!row) throw new Error("the comment vanished under a row lock");
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "comment.deleted",
      targetType: "comment",
      targetId: row.id,
      data: { assessmentId: assessment.id, threadId: thread.id },
    });
    return loadCommentDto(tx, row);
  });
  await publishCommentsChanged({ assessmentId: options.assessmentId, threadId: options.threadId });
  return comment;
}
