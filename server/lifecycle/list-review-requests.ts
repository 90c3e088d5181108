import { getDatabase } from "@/db/client";
import type { ReviewRequestDto } from "@/lib/schemas/lifecycle";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { loadReviewRequests } from "./lifecycle-rows";

export interface ListReviewRequestsOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
}

/**
 * The reviewers asked in the assessment's current review round (in review or approved), in the
 * order they were asked; none in draft or once published. Non-members get 404.
 */
export async function listReviewRequests(options: ListReviewRequestsOptions): Promise<ReviewRequestDto[]> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  return loadReviewRequests(db, assessment);
}
