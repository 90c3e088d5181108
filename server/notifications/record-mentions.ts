import type { Executor } from "@/db/client";
import type { Assessment } from "@/db/schema";
import { type Actor, auditActorId } from "../auth/actor";
import { quoted } from "./notification-text";
import { recordNotifications, recordNotificationsSafely } from "./record-notifications";

export interface RecordMentionsOptions {
  /** Who wrote the comment; never notified of their own mention. */
  actor: Actor;
  assessment: Pick<Assessment, "id" | "workspaceId" | "title">;
  threadId: string;
  /** The thread's judgement, so the notification leads there. */
  judgementId: string | null;
  /** The new comment: one notification per comment and person, however often it is noticed. */
  commentId: string;
  /** Members mentioned, already checked by `requireMentionable`. */
  mentionIds: readonly string[];
}

/**
 * Records a `mentioned` notification for each member @mentioned in a comment (new or edited: one
 * per comment and person, so an edit tells only the newly mentioned), in the comment's
 * transaction but in a savepoint: the comment matters more than telling people, and a failure
 * only logs. Resolves with the users to announce to after the commit.
 */
export function recordMentions(db: Executor, options: RecordMentionsOptions): Promise<string[]> {
  const { actor, assessment } = options;
  const actorUserId = auditActorId(actor);
  return recordNotificationsSafely(db, "mentions", (savepoint) =>
    recordNotifications(
      savepoint,
      options.mentionIds.map((userId) => ({
        userId,
        workspaceId: assessment.workspaceId,
        assessmentId: assessment.id,
        kind: "mentioned" as const,
        actorUserId,
        judgementId: options.judgementId,
        threadId: options.threadId,
        summary: `${actor.name} mentioned you on ${quoted(assessment.title)}`,
        subjectKey: options.commentId,
      })),
    ),
  );
}
