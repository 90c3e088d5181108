import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessments } from "@/db/schema";
import { WRITER_ROLES } from "@/lib/roles";
import type { AssessmentDetail } from "@/lib/schemas/assessments";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishAssessmentChanged } from "../events/publish-assessment-changed";
import { loadAssessmentDetail } from "./load-assessment-details";
import { requireAssessment } from "./require-assessment";

export interface SetAssessmentArchivedOptions {
  /** Who archives or restores it; must be an owner or analyst of its workspace. */
  actor: Actor;
  assessmentId: string;
  /** true archives it (hidden from the default list, read-only); false restores it. */
  archived: boolean;
}

/**
 * Archives or restores an assessment. Nothing is deleted: archived assessments stay readable
 * and are listed with `archived: true`. Asking for the state it is already in changes nothing.
 */
export async function setAssessmentArchived(options: SetAssessmentArchivedOptions): Promise<AssessmentDetail> {
  const actorUserId = auditActorId(options.actor);
  const detail = await getDatabase().transaction(async (tx) => {
    const { assessment, role } = await requireAssessment({
      db: tx,
      actor: options.actor,
      assessmentId: options.assessmentId,
      roles: WRITER_ROLES,
      forUpdate: true,
    });
    const isArchived = assessment.archivedAt !== null;
    if (isArchived !== options.archived) {
      await tx
        .update(assessments)
        .set({ archivedAt: options.archived ? sql`now()` : null, updatedAt: sql`now()` })
        .where(eq(assessments.id, assessment.id));
      await recordAuditEvent({
        db: tx,
        workspaceId: assessment.workspaceId,
        actorUserId,
        action: options.archived ? "assessment.archived" : "assessment.unarchived",
        targetType: "assessment",
        targetId: assessment.id,
      });
    }
    return loadAssessmentDetail({ db: tx, assessmentId: assessment.id, role });
  });
  // After the commit: open editors of an archived assessment become read-only at once (and
  // writable again when it is restored), on every process.
  await publishAssessmentChanged({ assessmentId: detail.id });
  return detail;
}
