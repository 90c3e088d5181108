import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { commentThreads } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import type { CommentThreadDto } from "@/lib/schemas/comments";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishCommentsChanged } from "../events/publish-comments-changed";
import { loadCommentThread } from "./load-comment-threads";
import { requireCommentThread } from "./require-comment-thread";

/**
 * Roles that may resolve or reopen anyone's thread. Besides them, a thread's author may resolve
 * and reopen their own. Analysts may not close a reviewer's objection themselves: the person
 * who raised it, a reviewer or an owner decides that it is settled.
 */
export const RESOLVER_ROLES: readonly WorkspaceRole[] = ["owner", "reviewer"];

export interface SetThreadResolvedOptions {
  /** The thread's author, an owner or a reviewer of the workspace. */
  actor: Actor;
  assessmentId: string;
  threadId: string;
}

/** Resolves (`resolved: true`) or reopens a thread; asking for the state it is in is a 409. */
export async function setThreadResolved(
  options: SetThreadResolvedOptions & { resolved: boolean },
): Promise<CommentThreadDto> {
  const actorUserId = auditActorId(options.actor);
  const verb = options.resolved ? "resolve" : "reopen";
  const thread = await getDatabase().transaction(async (tx) => {
    const { assessment, role, thread: row } = await requireCommentThread({ db: tx, ...options, forUpdate: true });
    const isAuthor = actorUserId !== null && row.createdBy === actorUserId;
    if (!isAuthor && !RESOLVER_ROLES.includes(role)) {
      throw new AppError(
        "forbidden:comment_thread",
        `Only the thread's author, owners and reviewers may ${verb} this thread.`,
      );
    }
    if ((row.resolvedAt !== null) === options.resolved) {
      throw new AppError(
        options.resolved ? "conflict:comment_thread_resolved" : "conflict:comment_thread_open",
        options.resolved ? "This thread is already resolved." : "This thread is already open.",
      );
    }
    await tx
      .update(commentThreads)
      .set(
        options.resolved ? { resolvedAt: sql`now()`, resolvedBy: actorUserId } : { resolvedAt: null, resolvedBy: null },
      )
      .where(eq(commentThreads.id, row.id));
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: options.resolved ? "comment_thread.resolved" : "comment_thread.reopened",
      targetType: "comment_thread",
      targetId: row.id,
      data: { assessmentId: assessment.id, judgementId: row.judgementId, isBlocking: row.isBlocking },
    });
    return loadCommentThread(tx, assessment.id, row.id);
  });
  await publishCommentsChanged({ assessmentId: thread.assessmentId, threadId: thread.id });
  return thread;
}
