import { getDatabase } from "@/db/client";
import type { AssessmentSummary } from "@/lib/schemas/assessments";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";
import { loadAssessmentSummaries } from "./load-assessment-details";

export interface ListAssessmentsOptions {
  /** Any member of the workspace may list its assessments. */
  actor: Actor;
  workspaceId: string;
  /** true lists only archived assessments; otherwise only active ones. */
  archived?: boolean;
}

/**
 * The assessments of a workspace, most recently changed first. Archived ones are kept out of the
 * default list so that finished work does not crowd the team's current work.
 */
export async function listAssessments(options: ListAssessmentsOptions): Promise<AssessmentSummary[]> {
  const db = getDatabase();
  await requireMembership({ db, workspaceId: options.workspaceId, actor: options.actor });
  return loadAssessmentSummaries({ db, workspaceId: options.workspaceId, archived: options.archived ?? false });
}
