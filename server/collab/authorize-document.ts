import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessments } from "@/db/schema";
import type { JoinResult } from "@/lib/collab/protocol";
import { isAppError } from "@/lib/errors";
import { canWriteAssessments } from "@/lib/roles";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";
import { CollabFault } from "./collab-fault";

export interface DocumentAccess {
  workspaceId: string;
  role: JoinResult["role"];
  /** Archived and published assessments are frozen for every role. */
  locked: boolean;
  /** Reviewers and viewers read; only owners and analysts change the text, and only when not locked. */
  readOnly: boolean;
}

/** Whether a document's text may change: archived and published assessments are frozen. */
export async function isDocumentLocked(documentId: string): Promise<boolean> {
  const [row] = await getDatabase()
    .select({ archivedAt: assessments.archivedAt, status: assessments.status })
    .from(assessments)
    .where(eq(assessments.id, documentId));
  return !row || row.archivedAt !== null || row.status === "published";
}

/**
 * What the caller may do in a document (an assessment's text). Unknown documents and documents
 * of workspaces the caller is not a member of are both `not_found`, so ids reveal nothing.
 */
export async function authorizeDocument(options: { actor: Actor; documentId: string }): Promise<DocumentAccess> {
  const db = getDatabase();
  const [assessment] = await db
    .select({ workspaceId: assessments.workspaceId, archivedAt: assessments.archivedAt, status: assessments.status })
    .from(assessments)
    .where(eq(assessments.id, options.documentId));
  if (!assessment) throw new CollabFault("not_found");
  const role = await requireMembership({ db, workspaceId: assessment.workspaceId, actor: options.actor }).catch(
    (error: unknown) => {
      throw isAppError(error) && error.kind === "not_found" ? new CollabFault("not_found") : error;
    },
  );
  const locked = assessment.archivedAt !== null || assessment.status === "published";
  return { workspaceId: assessment.workspaceId, role, locked, readOnly: locked || !canWriteAssessments(role) };
}
