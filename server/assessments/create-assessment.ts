import { getDatabase } from "@/db/client";
import { assessmentAuthors, assessments } from "@/db/schema";
import { WRITER_ROLES } from "@/lib/roles";
import { type AssessmentDetail, createAssessmentInput } from "@/lib/schemas/assessments";
import type { TlpMarking } from "@/lib/tlp";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { parseInput } from "../http/parse-input";
import { requireMembership } from "../policies/require-membership";
import { loadAssessmentDetail } from "./load-assessment-details";

export interface CreateAssessmentOptions {
  /** Who creates it; must be an owner or analyst of the workspace. */
  actor: Actor;
  /** The workspace it belongs to. */
  workspaceId: string;
  /** 1–200 characters after trimming. */
  title: string;
  /** The question the assessment answers; empty when omitted. */
  keyQuestion?: string;
  /** Handling marking; AMBER when omitted. */
  tlp?: TlpMarking;
}

/** Creates a draft assessment; its creator becomes its first author. */
export async function createAssessment(options: CreateAssessmentOptions): Promise<AssessmentDetail> {
  const input = parseInput(createAssessmentInput, {
    title: options.title,
    keyQuestion: options.keyQuestion,
    tlp: options.tlp,
  });
  const actorUserId = auditActorId(options.actor);
  return getDatabase().transaction(async (tx) => {
    const role = await requireMembership({
      db: tx,
      workspaceId: options.workspaceId,
      actor: options.actor,
      roles: WRITER_ROLES,
      subject: "assessment",
    });
    const [row] = await tx
      .insert(assessments)
      .values({
        workspaceId: options.workspaceId,
        title: input.title,
        keyQuestion: input.keyQuestion ?? "",
        tlp: input.tlp,
        createdBy: actorUserId,
      })
      .returning({ id: assessments.id, tlp: assessments.tlp });
    if (!row) throw new Error("insert into assessments returned no row");
    // The CLI operator is not a user, so it cannot be listed as an author.
    if (actorUserId) await tx.insert(assessmentAuthors).values({ assessmentId: row.id, userId: actorUserId });
    await recordAuditEvent({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId,
      action: "assessment.created",
      targetType: "assessment",
      targetId: row.id,
      data: { title: input.title, tlp: row.tlp },
    });
    return loadAssessmentDetail({ db: tx, assessmentId: row.id, role });
  });
}
