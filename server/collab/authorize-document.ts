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
  /** Reviewers and viewers read; only owners and analysts change the text. */
  readOnly: boolean;
}

/**
 * What the caller may do in a document (an assessment's text). Unknown documents and documents
 * of workspaces the caller is not a member of are both `not_found`, so ids reveal nothing.
 */
export async function authorizeDocument(options: { actor: Actor; documentId: string }): Promise<DocumentAccess> {
  const db = getDatabase();
  const [assessment] = await db
    .select({ workspaceId: assessments.workspaceId })
    .from(assessments)
    .where(eq(assessments.id, options.documentId));
  if (!assessment) throw new CollabFault("not_found");
  const role = await requireMembership({ db, workspaceId: assessment.workspaceId, actor: options.actor }).catch(
    (error: unknown) => {
      throw isAppError(error) && error.kind === "not_found" ? new CollabFault("not_found") : error;
    },
  );
  return { workspaceId: assessment.workspaceId, role, readOnly: !canWriteAssessments(role) };
}
