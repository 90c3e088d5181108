import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { observations } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { recordEvidenceRevision } from "./evidence-revisions";
import type { lockObservation } from "./lock-observation";

export interface RecordAttachmentChangeOptions {
  /** The locked observation, as `lockObservation` returned it. */
  locked: Awaited<ReturnType<typeof lockObservation>>;
  workspaceId: string;
  observationId: string;
  action: "attachment_added" | "attachment_removed";
  actorUserId: string | null;
  /** What changed, for the audit log (attachment id, hash, size). */
  audit: Record<string, unknown>;
}

/**
 * Makes an attachment change a new revision of the observation: bumps its revision, keeps the new
 * version in its history and writes the audit row. The snapshot lists the observation's images
 * after the change, as every observation revision's does, so which image changed reads from the
 * history as well as from the audit log. Returns the new revision.
 */
export async function recordAttachmentChange(tx: Transaction, options: RecordAttachmentChangeOptions): Promise<number> {
  const { locked, actorUserId } = options;
  await tx
    .update(observations)
    .set({ revision: locked.row.revision + 1, updatedBy: actorUserId, updatedAt: sql`now()` })
    .where(locked.where);
  const after = await locked.current();
  if (!after) throw new Error("the observation vanished under a row lock");
  await recordEvidenceRevision({ db: tx, kind: "observation", record: after, action: options.action, actorUserId });
  await recordAuditEvent({
    db: tx,
    workspaceId: options.workspaceId,
    actorUserId,
    action: `observation.${options.action}`,
    targetType: "observation",
    targetId: options.observationId,
    data: { ...options.audit, revision: after.revision },
  });
  return after.revision;
}
