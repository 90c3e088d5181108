import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type ObservationDto, retractObservationInput } from "@/lib/schemas/evidence";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { noticeStaleApprovals } from "../notifications/notice-stale-approvals";
import { checkRevision, recordEvidenceRevision } from "./evidence-revisions";
import { lockObservation } from "./lock-observation";

export interface RetractObservationOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  observationId: string;
  /** Why it no longer stands, shown wherever it is cited. */
  reason: string;
  /** The revision the analyst saw; when given, a newer one is a 409 (they may not have seen the latest). */
  revision?: number;
}

/**
 * Retracts an observation with a reason. It is never deleted: judgements citing it keep the
 * citation and show it as retracted, and its history keeps every version.
 */
export async function retractObservation(options: RetractObservationOptions): Promise<ObservationDto> {
  const input = parseInput(retractObservationInput, { reason: options.reason, revision: options.revision });
  const actorUserId = auditActorId(options.actor);
  const { workspaceId, observationId } = options;
  const observation = await getDatabase().transaction(async (tx) => {
    const { row, where, current } = await lockObservation(tx, { actor: options.actor, workspaceId, observationId });
    if (input.revision !== undefined) {
      await checkRevision({ kind: "observation", expected: input.revision, actual: row.revision, current });
    }
    if (row.retractedAt) throw new AppError("conflict:observation_retracted", "This observation is already retracted.");
    await tx
      .update(observations)
      .set({
        retractedAt: sql`now()`,
        retractedBy: actorUserId,
        retractionReason: input.reason,
        revision: row.revision + 1,
        updatedBy: actorUserId,
        updatedAt: sql`now()`,
      })
      .where(where);
    const after = await current();
    if (!after) throw new Error("the observation vanished under a row lock");
    await recordEvidenceRevision({ db: tx, kind: "observation", record: after, action: "retracted", actorUserId });
    await recordAuditEvent({
      db: tx,
      workspaceId,
      actorUserId,
      action: "observation.retracted",
      targetType: "observation",
      targetId: observationId,
      data: { reason: input.reason, revision: after.revision },
    });
    return after;
  });
  await publishEvidenceChanged({ workspaceId, kind: "observation", recordId: observationId });
  await noticeStaleApprovals({ scope: { workspaceId, observationIds: [observationId] }, actorUserIds: [actorUserId] });
  return observation;
}
