import type { WorkspaceSummary } from "@/lib/schemas/workspaces";
import type { Actor } from "@/server/auth/actor";
import { requireSessionActor } from "@/server/auth/session";
import { getWorkspace } from "@/server/workspaces/get-workspace";
import { loadOrNotFound } from "./load-or-not-found";

/**
 * The signed-in user and the workspace of a `/w/[workspaceId]/…` page, with the user's role.
 * Anonymous visitors go to sign-in (and come back to `path`); non-members get the 404 page.
 */
export async function loadWorkspacePage(
  workspaceId: string,
  path: string,
): Promise<{ actor: Actor; workspace: WorkspaceSummary }> {
  const actor = await requireSessionActor(path);
  const workspace = await loadOrNotFound(getWorkspace({ actor, workspaceId }));
  return { actor, workspace };
}
