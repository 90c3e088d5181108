import { getDatabase } from "@/db/client";
import type { Member } from "@/lib/schemas/workspaces";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";
import { queryMembers } from "./query-members";

export interface ListMembersOptions {
  actor: Actor;
  workspaceId: string;
}

/** Everyone in a workspace with their role, owners first. Any member may see who else is in it. */
export async function listMembers(options: ListMembersOptions): Promise<Member[]> {
  const db = getDatabase();
  await requireMembership({ db, workspaceId: options.workspaceId, actor: options.actor });
  return queryMembers({ db, workspaceId: options.workspaceId });
}
