import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { sources } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type CreateSourceInput, createSourceInput, type SourceDto } from "@/lib/schemas/evidence";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { loadSourceDtos } from "./evidence-dtos";
import { recordEvidenceRevision } from "./evidence-revisions";
import { isUniqueViolation } from "./is-unique-violation";
import { refuseDuplicateSourceUrl } from "./refuse-duplicate-source-url";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface CreateSourceOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  /** The source's fields (validated here). */
  input: CreateSourceInput;
}

/** Adds a source with its reliability grade to a workspace's library; revision 1 is kept in its history. */
export async function createSource(options: CreateSourceOptions): Promise<SourceDto> {
  const input = parseInput(createSourceInput, options.input);
  const actorUserId = auditActorId(options.actor);
  try {
    const source = await getDatabase().transaction(async (tx) => {
      await requireEvidenceAccess({
        db: tx,
        actor: options.actor,
        workspaceId: options.workspaceId,
        kind: "source",
        write: true,
      });
      await refuseDuplicateSourceUrl(tx, { workspaceId: options.workspaceId, url: input.url });
      const [row] = await tx
        .insert(sources)
        .values({ ...input, workspaceId: options.workspaceId, createdBy: actorUserId, updatedBy: actorUserId })
        .returning({ id: sources.id });
      if (!row) throw new Error("insert into sources returned no row");
      const [dto] = await loadSourceDtos(tx, options.workspaceId, eq(sources.id, row.id));
      if (!dto) throw new Error("the new source vanished");
      await recordEvidenceRevision({ db: tx, kind: "source", record: dto, action: "created", actorUserId });
      await recordAuditEvent({
        db: tx,
        workspaceId: options.workspaceId,
        actorUserId,
        action: "source.created",
        targetType: "source",
        targetId: dto.id,
        data: { publisher: dto.publisher, reliability: dto.reliability },
      });
      return dto;
    });
    await publishEvidenceChanged({ workspaceId: options.workspaceId, kind: "source", recordId: source.id });
    return source;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict:source", "Another source of this workspace has that external id.", {
        fields: { externalId: ["Another source of this workspace has this external id."] },
      });
    }
    throw error;
  }
}
