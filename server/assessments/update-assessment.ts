import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessmentAuthors, assessments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { WRITER_ROLES } from "@/lib/roles";
import {
  type AssessmentDetail,
  type ExpectedAssessmentDetails,
  updateAssessmentInput,
} from "@/lib/schemas/assessments";
import type { TlpMarking } from "@/lib/tlp";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishAssessmentChanged } from "../events/publish-assessment-changed";
import { parseInput } from "../http/parse-input";
import { loadAssessmentDetail } from "./load-assessment-details";
import { conflictError, planChanges } from "./plan-assessment-changes";
import { requireAssessment } from "./require-assessment";

export interface UpdateAssessmentOptions {
  /** Who changes it; must be an owner or analyst of its workspace. */
  actor: Actor;
  assessmentId: string;
  /** New title, 1–200 characters after trimming; omitted keeps the current one. */
  title?: string;
  /** New key question (may be empty); omitted keeps the current one. */
  keyQuestion?: string;
  /** New handling marking; omitted keeps the current one. */
  tlp?: TlpMarking;
  /**
   * The values the change was made against (what the caller read before editing). A field sent
   * with its expected value is left alone; a field changed since is a 409. Omitted: no check.
   */
  expected?: ExpectedAssessmentDetails;
}

/**
 * Changes an assessment's title, key question or TLP marking. The writer becomes an author if
 * they were not one. Archived and published assessments are read-only: unarchive them, or start a
 * new draft, first (409). With `expected`, only fields the caller changed are written, and none if
 * one of them was changed by someone else since (409 `conflict:assessment_details`, naming who, with
 * the current assessment). Every change is announced after the commit, so open pages show it at once.
 */
export async function updateAssessment(options: UpdateAssessmentOptions): Promise<AssessmentDetail> {
  const input = parseInput(updateAssessmentInput, {
    title: options.title,
    keyQuestion: options.keyQuestion,
    tlp: options.tlp,
    expected: options.expected,
  });
  const actorUserId = auditActorId(options.actor);
  let changed = false;
  const detail = await getDatabase().transaction(async (tx) => {
    // The row lock makes concurrent edits queue, so each audit event's "from" value is the one it replaced.
    const { assessment, role } = await requireAssessment({
      db: tx,
      actor: options.actor,
      assessmentId: options.assessmentId,
      roles: WRITER_ROLES,
      forUpdate: true,
    });
    if (assessment.archivedAt) {
      throw new AppError(
        "conflict:assessment_archived",
        "This assessment is archived. Unarchive it before changing its title, key question or marking.",
      );
    }
    if (assessment.status === "published") {
      throw new AppError(
        "conflict:assessment_published",
        "This assessment is published and frozen. Start a new draft before changing its title, key question or marking.",
      );
    }
    const { changes, conflicts } = planChanges(assessment, input);
    if (conflicts.length > 0) {
      throw conflictError(
        conflicts,
        await loadAssessmentDetail({ db: tx, assessmentId: assessment.id, role }),
        actorUserId,
      );
    }
    if (Object.keys(changes).length === 0) return loadAssessmentDetail({ db: tx, assessmentId: assessment.id, role });
    const values = {
      title: changes.title?.to,
      keyQuestion: changes.keyQuestion?.to,
      tlp: changes.tlp?.to as TlpMarking | undefined,
    };

    await tx
      .update(assessments)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(assessments.id, assessment.id));
    if (actorUserId) {
      await tx
        .insert(assessmentAuthors)
        .values({ assessmentId: assessment.id, userId: actorUserId })
        .onConflictDoNothing();
    }
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "assessment.updated",
      targetType: "assessment",
      targetId: assessment.id,
      data: { changes },
    });
    changed = true;
    return loadAssessmentDetail({ db: tx, assessmentId: assessment.id, role });
  });
  // After the commit: every open page of the assessment reloads its title, key question and marking.
  if (changed) await publishAssessmentChanged({ assessmentId: detail.id });
  return detail;
}
