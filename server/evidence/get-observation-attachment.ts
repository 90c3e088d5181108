import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observationAttachments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { AttachmentMediaType } from "@/lib/schemas/attachments";
import type { Actor } from "../auth/actor";
import { isUuid } from "../policies/require-membership";
import { attachmentsOf } from "./observation-attachment-rows";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface GetObservationAttachmentOptions {
  /** Any member of the workspace. */
  actor: Actor;
  workspaceId: string;
  observationId: string;
  attachmentId: string;
}

/** One attachment's image bytes with the type sniffed at upload; 404 unless it belongs to that observation and workspace. */
export async function getObservationAttachment(
  options: GetObservationAttachmentOptions,
): Promise<{ bytes: Uint8Array; mediaType: AttachmentMediaType; fileName: string; sha256: string }> {
  const db = getDatabase();
  const { workspaceId, observationId, attachmentId } = options;
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId, kind: "observation", recordId: observationId });
  if (!isUuid(attachmentId)) throw new AppError("not_found:attachment");
  const [row] = await db
    .select({
      data: observationAttachments.data,
      mediaType: observationAttachments.mediaType,
      fileName: observationAttachments.fileName,
      sha256: observationAttachments.sha256,
    })
    .from(observationAttachments)
    .where(and(attachmentsOf(workspaceId, observationId), eq(observationAttachments.id, attachmentId)));
  if (!row) throw new AppError("not_found:attachment");
  return {
    bytes: new Uint8Array(row.data),
    mediaType: row.mediaType as AttachmentMediaType,
    fileName: row.fileName,
    sha256: row.sha256,
  };
}
