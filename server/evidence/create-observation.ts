import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  type CreateObservationInput,
  createObservationInput,
  normalizeSourceRef,
  type ObservationDto,
} from "@/lib/schemas/evidence";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { loadObservationDtos } from "./evidence-dtos";
import { recordEvidenceRevision } from "./evidence-revisions";
import { isUniqueViolation } from "./is-unique-violation";
import { checkObservationLinks, linkObservationSources, observationColumns } from "./observation-rows";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface CreateObservationOptions {
  /** An owner or analyst of the workspace; recorded as the observation's author. */
  actor: Actor;
  workspaceId: string;
  /** Summary, site, observed date, quantities, credibility and sources (validated here). */
  input: CreateObservationInput;
}

/** Records an observation in a workspace's library, citing one or more of its sources. */
export async function createObservation(options: CreateObservationOptions): Promise<ObservationDto> {
  const input = parseInput(createObservationInput, options.input);
  const actorUserId = auditActorId(options.actor);
  const { workspaceId } = options;
  try {
    const observation = await getDatabase().transaction(async (tx) => {
      await requireEvidenceAccess({ db: tx, actor: options.actor, workspaceId, kind: "observation", write: true });
      await checkObservationLinks(tx, workspaceId, input);
      const [row] = await tx
        .insert(observations)
        .values({ ...observationColumns(input), workspaceId, createdBy: actorUserId, updatedBy: actorUserId })
        .returning({ id: observations.id });
      if (!row) throw new Error("insert into observations returned no row");
      await linkObservationSources(tx, row.id, input.sourceIds);
      const [dto] = await loadObservationDtos(tx, workspaceId, eq(observations.id, row.id));
      if (!dto) throw new Error("the new observation vanished");
      await recordEvidenceRevision({ db: tx, kind: "observation", record: dto, action: "created", actorUserId });
      await recordAuditEvent({
        db: tx,
        workspaceId,
        actorUserId,
        action: "observation.created",
        targetType: "observation",
        targetId: dto.id,
        data: { credibility: dto.credibility, sources: input.sourceIds.map(normalizeSourceRef) },
      });
      return dto;
    });
    await publishEvidenceChanged({ workspaceId, kind: "observation", recordId: observation.id });
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
