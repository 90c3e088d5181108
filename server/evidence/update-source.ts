import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { sources } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createSourceInput, type SourceDto, type UpdateSourceInput, updateSourceInput } from "@/lib/schemas/evidence";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { noticeStaleApprovals } from "../notifications/notice-stale-approvals";
import { loadSourceDtos } from "./evidence-dtos";
import { checkRevision, recordEvidenceRevision } from "./evidence-revisions";
import { isUniqueViolation } from "./is-unique-violation";
import { refuseDuplicateSourceUrl } from "./refuse-duplicate-source-url";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface UpdateSourceOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  sourceId: string;
  /** The fields to change, and `revision`: the revision the change was made against. */
  input: UpdateSourceInput;
}

/** Changes a source (re-grading included) if nobody changed it since `revision`; otherwise 409 with the current one. */
export async function updateSource(options: UpdateSourceOptions): Promise<SourceDto> {
  const { revision, ...changes } = parseInput(updateSourceInput, options.input);
  const actorUserId = auditActorId(options.actor);
  const { workspaceId, sourceId } = options;
  try {
    const source = await getDatabase().transaction(async (tx) => {
      await requireEvidenceAccess({
        db: tx,
        actor: options.actor,
        workspaceId,
        kind: "source",
        recordId: sourceId,
        write: true,
      });
      const where = and(eq(sources.id, sourceId), eq(sources.workspaceId, workspaceId));
      // The row lock queues concurrent editors, so exactly one of two edits of revision N wins.
      const [row] = await tx.select().from(sources).where(where).for("update");
      if (!row) throw new AppError("not_found:source");
      const current = async () => (await loadSourceDtos(tx, workspaceId, where))[0];
      await checkRevision({ kind: "source", expected: revision, actual: row.revision, current });
      const before = await current();
      // Validated as a whole so a change cannot leave the source without a publisher, type or grade.
      const merged = parseInput(createSourceInput, { ...before, ...changes });
      if (merged.url !== before?.url) {
        await refuseDuplicateSourceUrl(tx, { workspaceId, url: merged.url, exceptSourceId: sourceId });
      }
      await tx
        .update(sources)
        .set({ ...merged, revision: row.revision + 1, updatedBy: actorUserId, updatedAt: sql`now()` })
        .where(where);
      const after = await current();
      if (!before || !after) throw new Error("the source vanished under a row lock");
      await recordEvidenceRevision({ db: tx, kind: "source", record: after, action: "updated", actorUserId });
      await recordAuditEvent({
        db: tx,
        workspaceId,
        actorUserId,
        action: "source.updated",
        targetType: "source",
        targetId: sourceId,
        data: {
          revision: after.revision,
          changed: Object.keys(changes),
          reliability: { from: before.reliability, to: after.reliability },
        },
      });
      return after;
    });
    await publishEvidenceChanged({ workspaceId, kind: "source", recordId: sourceId });
    await noticeStaleApprovals({ scope: { workspaceId, sourceIds: [sourceId] }, actorUserIds: [actorUserId] });
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
