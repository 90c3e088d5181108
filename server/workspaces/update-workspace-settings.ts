import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { updateWorkspaceInput, type WorkspaceSummary } from "@/lib/schemas/workspaces";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { parseInput } from "../http/parse-input";
import { requireMembership } from "../policies/require-membership";
import { lockWorkspace } from "./lock-workspace";
import { queryWorkspaceSummaries } from "./query-workspace-summaries";

export interface UpdateWorkspaceSettingsOptions {
  /** An owner of the workspace. */
  actor: Actor;
  workspaceId: string;
  /** Current approvals each judgement needs, 1–5; omitted keeps the current value. */
  requiredApprovals?: number;
  /** Current approvals each key judgement needs, from `requiredApprovals` to 5; omitted keeps it. */
  requiredKeyApprovals?: number;
}

/**
 * Changes a workspace's review rules (owners only). The rules hold as a pair: key judgements
 * never need fewer approvals than the others, so a change that would break that is a 400 on
 * `requiredKeyApprovals` and nothing is written. Changing nothing records nothing.
 */
export async function updateWorkspaceSettings(options: UpdateWorkspaceSettingsOptions): Promise<WorkspaceSummary> {
  const input = parseInput(updateWorkspaceInput, {
    requiredApprovals: options.requiredApprovals,
    requiredKeyApprovals: options.requiredKeyApprovals,
  });
  const { actor, workspaceId } = options;
  return getDatabase().transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const role = await requireMembership({ db: tx, workspaceId, actor });
    if (role !== "owner") throw new AppError("forbidden:workspace", "Only owners can change the review rules.");
    const [current] = await tx
      .select({
        requiredApprovals: workspaces.requiredApprovals,
        requiredKeyApprovals: workspaces.requiredKeyApprovals,
      })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    if (!current) throw new AppError("not_found:workspace");
    const next = {
      requiredApprovals: input.requiredApprovals ?? current.requiredApprovals,
      requiredKeyApprovals: input.requiredKeyApprovals ?? current.requiredKeyApprovals,
    };
    if (next.requiredKeyApprovals < next.requiredApprovals) {
      throw new AppError("bad_request:validation", "Key judgements cannot need fewer approvals than the others.", {
        fields: {
          requiredKeyApprovals: [
            `Key judgements need at least as many approvals as other judgements (${next.requiredApprovals}).`,
          ],
        },
      });
    }
    const changes: Record<string, { from: number; to: number }> = {};
    for (const field of ["requiredApprovals", "requiredKeyApprovals"] as const) {
      if (next[field] !== current[field]) changes[field] = { from: current[field], to: next[field] };
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .update(workspaces)
        .set({ ...next, updatedAt: sql`now()` })
        .where(eq(workspaces.id, workspaceId));
      await recordAuditEvent({
        db: tx,
        workspaceId,
        actorUserId: auditActorId(actor),
        action: "workspace.review_rules_changed",
        targetType: "workspace",
        targetId: workspaceId,
        data: { changes },
      });
    }
    const [summary] = await queryWorkspaceSummaries({ db: tx, actor, workspaceId });
    if (!summary) throw new AppError("not_found:workspace");
    return summary;
  });
}
