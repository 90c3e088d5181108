import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { renameWorkspaceInput, type WorkspaceSummary } from "@/lib/schemas/workspaces";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { parseInput } from "../http/parse-input";
import { requireMembership } from "../policies/require-membership";
import { lockWorkspace } from "./lock-workspace";
import { queryWorkspaceSummaries } from "./query-workspace-summaries";

export interface RenameWorkspaceOptions {
  actor: Actor;
  workspaceId: string;
  /** The new name as typed; trimmed. */
  name: string;
}

/** Renames a workspace (owners only). Renaming to the current name changes nothing and records nothing. */
export async function renameWorkspace(options: RenameWorkspaceOptions): Promise<WorkspaceSummary> {
  const { name } = parseInput(renameWorkspaceInput, { name: options.name });
  const { actor, workspaceId } = options;
  return getDatabase().transaction(async (tx) => {
    const current = await lockWorkspace(tx, workspaceId);
    const role = await requireMembership({ db: tx, workspaceId, actor });
    if (role !== "owner") throw new AppError("forbidden:workspace", "Only owners can rename the workspace.");
    if (current.name !== name) {
      await tx.update(workspaces).set({ name, updatedAt: sql`now()` }).where(eq(workspaces.id, workspaceId));
      await recordAuditEvent({
        db: tx,
        workspaceId,
        actorUserId: auditActorId(actor),
        action: "workspace.renamed",
        targetType: "workspace",
        targetId: workspaceId,
        data: { from: current.name, to: name },
      });
    }
    const [summary] = await queryWorkspaceSummaries({ db: tx, actor, workspaceId });
    if (!summary) throw new AppError("not_found:workspace");
    return summary;
  });
}
