import { getDatabase } from "@/db/client";
import { isAppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";

export interface WatchLibraryOptions {
  actor: Actor;
  /** The workspace whose library changes the caller wants to receive. */
  workspaceId: string;
}

/**
 * Decides whether the actor may receive live changes of a workspace's library: any member may
 * (they can read the library); anyone else gets `not_found:workspace`, as for a workspace that
 * does not exist. Returns the caller's role and the canonical (lower-case) workspace id.
 */
export async function watchLibrary(
  options: WatchLibraryOptions,
): Promise<{ workspaceId: string; role: WorkspaceRole }> {
  const workspaceId = options.workspaceId.toLowerCase();
  const role = await requireMembership({ db: getDatabase(), workspaceId, actor: options.actor });
  return { workspaceId, role };
}

/**
 * Whether the user is still a member of the workspace (after a `membership.changed`). A database
 * failure throws rather than answering "no": it must not silently end everyone's live updates.
 */
export async function canStillWatchLibrary(options: WatchLibraryOptions): Promise<boolean> {
  try {
    await watchLibrary(options);
    return true;
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") return false;
    throw error;
  }
}
