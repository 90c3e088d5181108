import { getDatabase } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { WorkspaceSummary } from "@/lib/schemas/workspaces";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";
import { queryWorkspaceSummaries } from "./query-workspace-summaries";

export interface GetWorkspaceOptions {
  actor: Actor;
  /** From the URL; anything that is not the id of one of the caller's workspaces is 404. */
  workspaceId: string;
}

/** One workspace the caller belongs to; any member may read it. */
export async function getWorkspace(options: GetWorkspaceOptions): Promise<WorkspaceSummary> {
  const db = getDatabase();
  await requireMembership({ db, workspaceId: options.workspaceId, actor: options.actor });
  const [summary] = await queryWorkspaceSummaries({ db, actor: options.actor, workspaceId: options.workspaceId });
  // Only reachable if the membership was removed between the two reads.
  if (!summary) throw new AppError("not_found:workspace");
  return summary;
}
