import type { Transaction } from "@/db/client";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { recordEvidenceRevision } from "./evidence-revisions";

export interface RecordAttachmentRevisionOptions {
  /** Loads the observation as it is now (after its revision was increased). */
  current: () => Promise<ObservationDto | undefined>;
  action: "attachment_added" | "attachment_removed";
  actorUserId: string | null;
}

/**
 * Keeps the observation's new version in its history. The snapshot is the observation as every
 * other revision stores it (which image changed is in the audit log): an extra field here would
 * read as a change in the next ordinary revision's comparison. Returns the revision.
 */
export async function recordObservationAttachmentRevision(
  tx: Transaction,
  options: RecordAttachmentRevisionOptions,
): Promise<number> {
  const after = await options.current();
  if (!after) throw new Error("the observation vanished under a row lock");
  await recordEvidenceRevision({
    db: tx,
    kind: "observation",
    record: after,
    action: options.action,
    actorUserId: options.actorUserId,
  });
  return after.revision;
}
