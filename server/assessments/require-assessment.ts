import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Assessment, assessments } from "@/db/schema";
import { AppError, isAppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import type { Actor } from "../auth/actor";
import { isUuid, requireMembership } from "../policies/require-membership";

export interface RequireAssessmentOptions {
  /** The database, or the transaction the caller is about to change the assessment in. */
  db: Executor;
  actor: Actor;
  assessmentId: string;
  /** Roles allowed to go on; omitted means any member of the assessment's workspace. */
  roles?: readonly WorkspaceRole[];
  /** Lock the row until the transaction ends, so concurrent changes are applied one after another. */
  forUpdate?: boolean;
}

/**
 * Loads an assessment and the caller's role in its workspace. An unknown id, a malformed id and
 * an assessment in a workspace the caller does not belong to all give the same 404, so ids
 * reveal nothing about other teams; members whose role is not in `roles` get 403.
 */
export async function requireAssessment(
  options: RequireAssessmentOptions,
): Promise<{ assessment: Assessment; role: WorkspaceRole }> {
  if (!isUuid(options.assessmentId)) throw new AppError("not_found:assessment");
  const query = options.db.select().from(assessments).where(eq(assessments.id, options.assessmentId));
  const [assessment] = options.forUpdate ? await query.for("update") : await query;
  if (!assessment) throw new AppError("not_found:assessment");
  try {
    const role = await requireMembership({
      db: options.db,
      workspaceId: assessment.workspaceId,
      actor: options.actor,
      roles: options.roles,
      subject: "assessment",
    });
    return { assessment, role };
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") throw new AppError("not_found:assessment");
    throw error;
  }
}
