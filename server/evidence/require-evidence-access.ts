import type { Executor } from "@/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { EvidenceKind } from "@/lib/evidence";
import { type WorkspaceRole, WRITER_ROLES } from "@/lib/roles";
import type { Actor } from "../auth/actor";
import { isUuid, requireMembership } from "../policies/require-membership";

export interface RequireEvidenceAccessOptions {
  db: Executor;
  actor: Actor;
  workspaceId: string;
  /** Which record the caller asked for (checked to be a uuid; unknown ids are the caller's 404 to throw). */
  kind: EvidenceKind;
  recordId?: string;
  /** Owners and analysts write the library; every member reads it. */
  write?: boolean;
}

/**
 * The caller's role in the workspace whose library they address. Non-members get the same 404 as
 * for an unknown record, so ids of other teams' evidence reveal nothing.
 */
export async function requireEvidenceAccess(options: RequireEvidenceAccessOptions): Promise<WorkspaceRole> {
  if (options.recordId !== undefined && !isUuid(options.recordId)) throw new AppError(`not_found:${options.kind}`);
  try {
    return await requireMembership({
      db: options.db,
      workspaceId: options.workspaceId,
      actor: options.actor,
      roles: options.write ? WRITER_ROLES : undefined,
      subject: "evidence",
    });
  } catch (error) {
    if (options.recordId !== undefined && isAppError(error) && error.kind === "not_found") {
      throw new AppError(`not_found:${options.kind}`);
    }
    throw error;
  }
}
