import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observationAttachments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type AttachmentDto, addAttachmentInput } from "@/lib/schemas/attachments";
import { type Actor, auditActorId } from "../auth/actor";
import { env } from "../env";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { noticeStaleApprovals } from "../notifications/notice-stale-approvals";
import { recordAttachmentChange } from "./attachment-revision";
import { inspectAttachmentImage, safeAttachmentName } from "./inspect-attachment-image";
import { lockObservation } from "./lock-observation";
import { attachmentsOf, loadAttachmentDtos } from "./observation-attachment-rows";

export interface AddObservationAttachmentOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  observationId: string;
  /** The image as uploaded; its type is sniffed from these bytes. */
  bytes: Uint8Array;
  /** The uploaded file's name (kept for display and downloads, made safe). */
  fileName?: string;
  /** What the image shows. */
  caption?: string;
}

/**
 * Attaches an image to an observation: a new revision of the observation, kept in its history.
 * The same bytes attached again return the existing attachment (`created: false`) and change
 * nothing. Retracted observations are frozen (409).
 */
export async function addObservationAttachment(
  options: AddObservationAttachmentOptions,
): Promise<{ attachment: AttachmentDto; created: boolean }> {
  const { workspaceId, observationId } = options;
  const actorUserId = auditActorId(options.actor);
  const result = await getDatabase().transaction(async (tx) => {
    // Access first: a non-member learns nothing about the observation, even from a bad upload.
    const locked = await lockObservation(tx, { actor: options.actor, workspaceId, observationId });
    const input = parseInput(addAttachmentInput, { caption: options.caption ?? "" });
    const image = await inspectAttachmentImage(options.bytes, env().ATTACHMENT_MAX_BYTES);
    if (locked.row.retractedAt) {
      throw new AppError(
        "conflict:observation_retracted",
        "This observation is retracted: images can no longer be added.",
      );
    }
    const sameImage = and(attachmentsOf(workspaceId, observationId), eq(observationAttachments.sha256, image.sha256));
    const [existing] = await loadAttachmentDtos(tx, sameImage);
    if (existing) return { attachment: existing, created: false };

    const [inserted] = await tx
      .insert(observationAttachments)
      .values({
        workspaceId,
        observationId,
        fileName: safeAttachmentName(options.fileName, image.mediaType),
        mediaType: image.mediaType,
        byteSize: options.bytes.byteLength,
        sha256: image.sha256,
        data: Buffer.from(options.bytes.buffer, options.bytes.byteOffset, options.bytes.byteLength),
        caption: input.caption,
        createdBy: actorUserId,
      })
      .returning({ id: observationAttachments.id });
    if (!inserted) throw new Error("insert into observation_attachments returned no row");
    const [attachment] = await loadAttachmentDtos(tx, eq(observationAttachments.id, inserted.id));
    if (!attachment) throw new Error("the attachment vanished inside its transaction");
    await recordAttachmentChange(tx, {
      locked,
      workspaceId,
      observationId,
      action: "attachment_added",
      actorUserId,
      audit: { attachmentId: attachment.id, sha256: attachment.sha256, byteSize: attachment.byteSize },
    });
    return { attachment, created: true };
  });
  if (result.created) {
    await publishEvidenceChanged({ workspaceId, kind: "observation", recordId: observationId });
    // A new image is a new revision of the observation, which approvals citing it vouched for.
    await noticeStaleApprovals({
      scope: { workspaceId, observationIds: [observationId] },
      actorUserIds: [actorUserId],
    });
  }
  return result;
}
