import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { AttachmentDto } from "@/lib/schemas/attachments";
import type { Actor } from "../auth/actor";
import { attachmentsOf, loadAttachmentDtos } from "./observation-attachment-rows";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface ListObservationAttachmentsOptions {
  /** Any member of the workspace. */
  actor: Actor;
  workspaceId: string;
  observationId: string;
}

/** An observation's images (metadata and URL, not bytes), oldest first; retracted observations keep theirs. */
export async function listObservationAttachments(options: ListObservationAttachmentsOptions): Promise<AttachmentDto[]> {
  const db = getDatabase();
  const { workspaceId, observationId } = options;
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId, kind: "observation", recordId: observationId });
  const [observation] = await db
    .select({ id: observations.id })
    .from(observations)
    .where(and(eq(observations.id, observationId), eq(observations.workspaceId, workspaceId)));
  if (!observation) throw new AppError("not_found:observation");
  return loadAttachmentDtos(db, attachmentsOf(workspaceId, observationId));
}
