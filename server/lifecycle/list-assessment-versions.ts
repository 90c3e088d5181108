import { getDatabase } from "@/db/client";
import type { VersionSummaryDto } from "@/lib/schemas/lifecycle";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { loadVersionSummaries } from "./lifecycle-rows";

export interface ListAssessmentVersionsOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
}

/** An assessment's frozen versions, newest first, without their contents. Non-members get 404. */
export async function listAssessmentVersions(options: ListAssessmentVersionsOptions): Promise<VersionSummaryDto[]> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  return loadVersionSummaries(db, assessment.id);
}
