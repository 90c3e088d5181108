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
import { requireCommentThread } from "./require-comment-thread";
import { requireMentionable } from "./require-mentionable";

export interface AddCommentOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  threadId: string;
  /** The reply's body and the members it @mentions. */
  input: CommentInput;
}

/** Replies to a thread. A resolved thread takes replies too and stays resolved until someone reopens it. */
export async function addComment(options: AddCommentOptions): Promise<CommentDto> {
  const input = parseInput(commentInput, options.input);
  const actorUserId = auditActorId(options.actor);
  let mentioned: string[] = [];
  const comment = await getDatabase().transaction(async (tx) => {
    const { assessment, thread } = await requireCommentThread({ db: tx, ...options });
    const mentionIds = await requireMentionable({
      db: tx,
      workspaceId: assessment.workspaceId,
      mentionIds: input.mentionIds,
    });
    const [row] = await tx
      .insert(comments)
      .values({ threadId: thread.id, authorId: actorUserId, body: input.body, mentionIds })
      .returning();
    if (!row) throw new Error("insert into comments returned no row");
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "comment.created",
      targetType: "comment",
      targetId: row.id,
      data: { assessmentId: assessment.id, threadId: thread.id, mentionIds },
    });
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
