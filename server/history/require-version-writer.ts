import type { Executor } from "@/db/client";
import type { Assessment } from "@/db/schema";
import { AppError, isAppError } from "@/lib/errors";
import { WRITER_ROLES } from "@/lib/roles";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";

/**
 * The assessment, row-locked, for an owner or analyst about to make a version (name or restore
 * one); other members get 403 `forbidden:version` saying `refusal`, non-members the assessment's 404.
 */
export async function requireVersionWriter(options: {
  tx: Executor;
  actor: Actor;
  assessmentId: string;
  /** What the refused member is told, e.g. "Only owners and analysts can name a version." */
  refusal: string;
}): Promise<Assessment> {
  try {
    const { assessment } = await requireAssessment({
      db: options.tx,
      actor: options.actor,
      assessmentId: options.assessmentId,
      roles: WRITER_ROLES,
      forUpdate: true,
    });
    return assessment;
  } catch (error) {
    if (isAppError(error) && error.kind === "forbidden") throw new AppError("forbidden:version", options.refusal);
    throw error;
  }
}
