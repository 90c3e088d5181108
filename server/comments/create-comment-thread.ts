import { and, eq } from "drizzle-orm";
import { type Executor, getDatabase } from "@/db/client";
import { comments, commentThreads, judgements } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import { type CommentThreadDto, type CreateCommentThreadInput, createCommentThreadInput } from "@/lib/schemas/comments";
import { requireAssessment } from "../assessments/require-assessment";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { publishCommentsChanged } from "../events/publish-comments-changed";
import { parseInput } from "../http/parse-input";
import { recordMentions } from "../notifications/record-mentions";
import { announceNotifications } from "../notifications/record-notifications";
import { loadCommentThread } from "./load-comment-threads";
import { assertCommentable } from "./require-comment-thread";
import { requireMentionable } from "./require-mentionable";

/**
 * Roles that may mark a thread blocking. A blocking thread holds up the assessment's approval,
 * so it is a say in the review: the writers and the reviewers have it, viewers (who only read
 * along) do not, though they may comment.
 */
export const BLOCKING_ROLES: readonly WorkspaceRole[] = ["owner", "analyst", "reviewer"];

/** 404 unless `judgementId` is a judgement of this assessment, as last projected (ids repeat across assessments). */
async function requireJudgementOf(db: Executor, assessmentId: string, judgementId: string): Promise<void> {
  const [judgement] = await db
    .select({ id: judgements.id })
    .from(judgements)
    .where(and(eq(judgements.assessmentId, assessmentId), eq(judgements.id, judgementId)));
  if (!judgement) throw new AppError("not_found:judgement", "This assessment has no such judgement.");
}

export interface CreateCommentThreadOptions {
  /** Any member of the assessment's workspace; viewers and reviewers included. */
  actor: Actor;
  assessmentId: string;
  /** The thread's subject (a judgement of this assessment and/or an anchored range) and its first comment. */
  input: CreateCommentThreadInput;
}

/**
 * Starts a comment thread on a judgement of the assessment and/or a text range anchored by Yjs
 * relative positions, with its first comment. Comments are rows, never part of the Y.Doc, so
 * readers may comment without write access to the text. A judgement id that is not one of this
 * assessment's judgements (as projected, after saving pending edits) is a 404.
 */
export async function createCommentThread(options: CreateCommentThreadOptions): Promise<CommentThreadDto> {
  const input = parseInput(createCommentThreadInput, options.input);
  const db = getDatabase();
  const actorUserId = auditActorId(options.actor);
  // Outside the transaction: a judgement typed a moment ago must be projected before we look for it.
  const { assessment: found } = await requireAssessment({
    db,
    actor: options.actor,
    assessmentId: options.assessmentId,
  });
  if (input.judgementId) await flushDocumentContent(found.id);
  let mentioned: string[] = [];
  const thread = await db.transaction(async (tx) => {
    const { assessment, role } = await requireAssessment({ db: tx, actor: options.actor, assessmentId: found.id });
    assertCommentable(assessment);
    if (input.isBlocking && !BLOCKING_ROLES.includes(role)) {
      throw new AppError("forbidden:comment_thread", "Only owners, analysts and reviewers may mark a thread blocking.");
    }
    if (input.judgementId) await requireJudgementOf(tx, assessment.id, input.judgementId);
    const mentionIds = await requireMentionable({
      db: tx,
      workspaceId: assessment.workspaceId,
      mentionIds: input.mentionIds,
    });
    const [row] = await tx
      .insert(commentThreads)
      .values({
        workspaceId: assessment.workspaceId,
        assessmentId: assessment.id,
        judgementId: input.judgementId ?? null,
        anchorStart: input.anchorStart ?? null,
        anchorEnd: input.anchorEnd ?? null,
        quote: input.quote ?? "",
        isBlocking: input.isBlocking ?? false,
        createdBy: actorUserId,
      })
      .returning();
    if (!row) throw new Error("insert into comment_threads returned no row");
    const [comment] = await tx
      .insert(comments)
      .values({ threadId: row.id, authorId: actorUserId, body: input.body, mentionIds })
      .returning({ id: comments.id });
    if (!comment) throw new Error("insert into comments returned no row");
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "comment_thread.created",
      targetType: "comment_thread",
      targetId: row.id,
      data: {
        assessmentId: assessment.id,
        judgementId: row.judgementId,
        isBlocking: row.isBlocking,
        commentId: comment.id,
        mentionIds,
      },
    });
    mentioned = await recordMentions(tx, {
      actor: options.actor,
      assessment,
      threadId: row.id,
      judgementId: row.judgementId,
      commentId: comment.id,
      mentionIds,
    });
    return loadCommentThread(tx, assessment.id, row.id);
  });
  await publishCommentsChanged({ assessmentId: thread.assessmentId, threadId: thread.id });
  await announceNotifications(mentioned);
  return thread;
}
