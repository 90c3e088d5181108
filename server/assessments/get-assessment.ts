import { getDatabase } from "@/db/client";
import type { AssessmentDetail } from "@/lib/schemas/assessments";
import type { Actor } from "../auth/actor";
import { loadAssessmentDetail } from "./load-assessment-details";
import { requireAssessment } from "./require-assessment";

export interface GetAssessmentOptions {
  /** Any member of the assessment's workspace may open it. */
  actor: Actor;
  assessmentId: string;
}

/** One assessment with the caller's role and whether they may edit it. Non-members get 404. */
export async function getAssessment(options: GetAssessmentOptions): Promise<AssessmentDetail> {
  const db = getDatabase();
  const { role } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  return loadAssessmentDetail({ db, assessmentId: options.assessmentId, role });
}
