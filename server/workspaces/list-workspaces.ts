import { getDatabase } from "@/db/client";
import type { WorkspaceSummary } from "@/lib/schemas/workspaces";
import type { Actor } from "../auth/actor";
import { queryWorkspaceSummaries } from "./query-workspace-summaries";

export interface ListWorkspacesOptions {
  /** Whose workspaces: exactly the ones they are a member of. */
  actor: Actor;
}

/** The caller's workspaces, by name, each with the caller's role and the number of members. */
export async function listWorkspaces(options: ListWorkspacesOptions): Promise<WorkspaceSummary[]> {
  return queryWorkspaceSummaries({ db: getDatabase(), actor: options.actor });
}
