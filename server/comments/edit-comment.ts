import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { comments } from "@/db/schema";
import { type CommentDto, type CommentInput, commentInput } from "@/lib/schemas/comments";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishCommentsChanged } from "../events/publish-comments-changed";
import { parseInput } from "../http/parse-input";
import { recordMentions } from "../notifications/record-mentions";
import { announceNotifications } from "../notifications/record-notifications";
import { loadCommentDto } from "./load-comment-threads";
import { requireMentionable } from "./require-mentionable";
import { requireOwnComment } from "./require-own-comment";

export interface EditCommentOptions {
  /** The comment's author; anyone else gets 403. */
  actor: Actor;
  assessmentId: string;
  threadId: string;
  commentId: string;
  /** The new body and the members it @mentions (replacing the old ones). */
  input: CommentInput;
}

/**
 * Rewrites one's own comment; it is marked edited. Members the edit @mentions for the first time
 * are notified (those already told about this comment are not told twice). The audit event does
 * not copy the text: a comment its author deletes later must not live on in the trail every
 * member can read.
 */
export async function editComment(options: EditCommentOptions): Promise<CommentDto> {
  const input = parseInput(commentInput, options.input);
  const actorUserId = auditActorId(options.actor);
  let mentioned: string[] = [];
  const comment = await getDatabase().transaction(async (tx) => {
    const { assessment, thread, comment: before } = await requireOwnComment({ db: tx, ...options });
    const mentionIds = await requireMentionable({
      db: tx,
      workspaceId: assessment.workspaceId,
      mentionIds: input.mentionIds,
    });
    const [row] = await tx
      .update(comments)
      .set({ body: input.body, mentionIds, editedAt: sql`now()` })
      .where(eq(comments.id, before.id))
      .returning();
    if (!row) throw new Error("the comment vanished under a row lock");
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "comment.edited",
      targetType: "comment",
      targetId: row.id,
      data: { assessmentId: assessment.id, threadId: thread.id, mentionIds },
    });
    // Notifications are keyed by comment and person, so only newly mentioned members are recorded.
    mentioned = await recordMentions(tx, {
      actor: options.actor,
      assessment,
      threadId: thread.id,
      judgementId: thread.judgementId,
      commentId: row.id,
      mentionIds,
    });
    return loadCommentDto(tx, row);
  });
  await publishCommentsChanged({ assessmentId: options.assessmentId, threadId: options.threadId });
  await announceNotifications(mentioned);
  return comment;
}
