import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  createObservationInput,
  type ObservationDto,
  type UpdateObservationInput,
  updateObservationInput,
} from "@/lib/schemas/evidence";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { noticeStaleApprovals } from "../notifications/notice-stale-approvals";
import { checkRevision, recordEvidenceRevision } from "./evidence-revisions";
import { isUniqueViolation } from "./is-unique-violation";
import { lockObservation } from "./lock-observation";
import { checkObservationLinks, linkObservationSources, observationColumns } from "./observation-rows";

export interface UpdateObservationOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  observationId: string;
  /** The fields to change, and `revision`: the revision the change was made against. */
  input: UpdateObservationInput;
}

/** The stored observation in the shape of its create input, so a partial change can be validated whole. */
function asInput(dto: ObservationDto) {
  return {
    ...dto,
    siteId: dto.site?.id ?? null,
    sourceIds: dto.sources.map((source) => ({ id: source.id, attributedTo: source.attributedTo })),
  };
}

/**
 * Changes an observation (summary, date, quantities, re-grading, sources) if nobody changed it since
 * `revision`; otherwise 409 with the current one. Retracted observations are no longer edited.
 */
export async function updateObservation(options: UpdateObservationOptions): Promise<ObservationDto> {
  const { revision, ...changes } = parseInput(updateObservationInput, options.input);
  const actorUserId = auditActorId(options.actor);
  const { workspaceId, observationId } = options;
  try {
    const observation = await getDatabase().transaction(async (tx) => {
      const { row, where, current } = await lockObservation(tx, { actor: options.actor, workspaceId, observationId });
      await checkRevision({ kind: "observation", expected: revision, actual: row.revision, current });
      if (row.retractedAt) {
        throw new AppError(
          "conflict:observation_retracted",
          "This observation is retracted and can no longer be changed.",
        );
      }
      const before = await current();
      if (!before) throw new Error("the observation vanished under a row lock");
      const merged = parseInput(createObservationInput, { ...asInput(before), ...changes });
      await checkObservationLinks(tx, workspaceId, merged);
      await tx
        .update(observations)
        .set({
          ...observationColumns(merged),
          revision: row.revision + 1,
          updatedBy: actorUserId,
          updatedAt: sql`now()`,
        })
        .where(where);
      if (changes.sourceIds) await linkObservationSources(tx, observationId, merged.sourceIds);
      const after = await current();
      if (!after) throw new Error("the observation vanished under a row lock");
      await recordEvidenceRevision({ db: tx, kind: "observation", record: after, action: "updated", actorUserId });
      await recordAuditEvent({
        db: tx,
        workspaceId,
        actorUserId,
        action: "observation.updated",
        targetType: "observation",
        targetId: observationId,
        data: {
          revision: after.revision,
          changed: Object.keys(changes),
          credibility: { from: before.credibility, to: after.credibility },
        },
      });
      return after;
    });
    await publishEvidenceChanged({ workspaceId, kind: "observation", recordId: observationId });
    await noticeStaleApprovals({
      scope: { workspaceId, observationIds: [observationId] },
      actorUserIds: [actorUserId],
    });
    return observation;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict:observation", "Another observation of this workspace has that external id.", {
        fields: { externalId: ["Another observation of this workspace has this external id."] },
      });
    }
    throw error;
  }
}
