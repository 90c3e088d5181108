import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observationAttachments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { noticeStaleApprovals } from "../notifications/notice-stale-approvals";
import { isUuid } from "../policies/require-membership";
import { recordAttachmentChange } from "./attachment-revision";
import { lockObservation } from "./lock-observation";
import { attachmentsOf } from "./observation-attachment-rows";

export interface RemoveObservationAttachmentOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  observationId: string;
  attachmentId: string;
}

/**
 * Removes an image from an observation: a new revision of the observation (its history keeps
 * the image's metadata, not its bytes). Retracted observations are frozen (409).
 */
export async function removeObservationAttachment(options: RemoveObservationAttachmentOptions): Promise<void> {
  const { workspaceId, observationId, attachmentId } = options;
  const actorUserId = auditActorId(options.actor);
  await getDatabase().transaction(async (tx) => {
    const locked = await lockObservation(tx, { actor: options.actor, workspaceId, observationId });
    if (!isUuid(attachmentId)) throw new AppError("not_found:attachment");
    if (locked.row.retractedAt) {
      throw new AppError(
        "conflict:observation_retracted",
        "This observation is retracted: its images can no longer change.",
      );
    }
    const [removed] = await tx
      .delete(observationAttachments)
      .where(and(attachmentsOf(workspaceId, observationId), eq(observationAttachments.id, attachmentId)))
      .returning({ id: observationAttachments.id, sha256: observationAttachments.sha256 });
    if (!removed) throw new AppError("not_found:attachment");
    await recordAttachmentChange(tx, {
      locked,
      workspaceId,
      observationId,
      action: "attachment_removed",
      actorUserId,
      audit: { attachmentId, sha256: removed.sha256 },
    });
  });
  await publishEvidenceChanged({ workspaceId, kind: "observation", recordId: observationId });
  await noticeStaleApprovals({ scope: { workspaceId, observationIds: [observationId] }, actorUserIds: [actorUserId] });
}
