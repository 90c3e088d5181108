import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import type { Actor } from "../auth/actor";

export interface RequireMembershipOptions {
  db: Executor;
  workspaceId: string;
  actor: Actor;
  /** Roles allowed to go on; omitted means any member. */
  roles?: readonly WorkspaceRole[];
  /** Noun used in the 403 message, e.g. "assessment". */
  subject?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be a row id; anything else is simply "not found", never a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The caller's role in a workspace (the CLI operator counts as an owner). Non-members get 404, exactly as for a workspace that does
 * not exist, so ids of other teams' workspaces reveal nothing; members whose role is not in
 * `roles` get 403.
 */
export async function requireMembership(options: RequireMembershipOptions): Promise<WorkspaceRole> {
  if (!isUuid(options.workspaceId)) throw new AppError("not_found:workspace");
  if (options.actor.via === "operator") {
    const [workspace] = await options.db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId));
    if (!workspace) throw new AppError("not_found:workspace");
    return "owner";
  }
  const [row] = await options.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, options.workspaceId), eq(memberships.userId, options.actor.id)));
  if (!row) throw new AppError("not_found:workspace");
  if (options.roles && !options.roles.includes(row.role)) {
    throw new AppError(`forbidden:${options.subject ?? "workspace"}`);
  }
  return row.role;
}
