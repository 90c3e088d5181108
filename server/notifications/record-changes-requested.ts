import type { Executor } from "@/db/client";
import type { Assessment, JudgementRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { judgementEditorIds } from "../judgements/has-edited-judgement";
import { currentMembers } from "./current-members";
import { quoted } from "./notification-text";
import { recordNotifications } from "./record-notifications";

export interface RecordChangesRequestedOptions {
  /** The reviewer who asked for changes; not notified. */
  actor: Actor;
  assessment: Pick<Assessment, "id" | "workspaceId" | "title">;
  judgement: Pick<JudgementRow, "id" | "statement" | "authorIds">;
  /** The verdict: one notification per verdict and person. */
  reviewId: string;
}

/**
 * Records `changes_requested` for whoever wrote the judgement: its authors and the editors of
 * every revision (the same people, unless a save credited someone the author list missed), still
 * members of the workspace. Runs in the verdict's transaction; resolves with the users to
 * announce to after the commit.
 */
export async function recordChangesRequested(db: Executor, options: RecordChangesRequestedOptions): Promise<string[]> {
  const { actor, assessment, judgement } = options;
  const editors = await judgementEditorIds(db, { assessmentId: assessment.id, judgementId: judgement.id });
  const recipients = await currentMembers(db, assessment.workspaceId, [...judgement.authorIds, ...editors]);
  return recordNotifications(
    db,
    [...recipients].map((userId) => ({
      userId,
      workspaceId: assessment.workspaceId,
      assessmentId: assessment.id,
      kind: "changes_requested" as const,
      actorUserId: actor.id,
      judgementId: judgement.id,
      summary: `${actor.name} requested changes to ${quoted(judgement.statement)} in ${quoted(assessment.title)}`,
      subjectKey: options.reviewId,
    })),
  );
}
