import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, workspaces } from "@/db/schema";
import type { WorkspaceSummary } from "@/lib/schemas/workspaces";
import type { Actor } from "../auth/actor";

export interface QueryWorkspaceSummariesOptions {
  db: Executor;
  /** Whose view: their role fills `role`, and only their workspaces are returned. */
  actor: Actor;
  /** Restricts the result to one workspace. */
  workspaceId?: string;
}

// Correlated count, so that one round trip returns every workspace with its size.
const memberCount = sql<number>`(select count(*)::int from memberships as mc where mc.workspace_id = ${workspaces.id})`;

/**
 * Workspace summaries as `actor` sees them, by name. Performs no authorization beyond the
 * membership join; callers that take a workspace id from a request check membership first.
 * The CLI operator sees every workspace, as an owner.
 */
export async function queryWorkspaceSummaries(options: QueryWorkspaceSummariesOptions): Promise<WorkspaceSummary[]> {
  const { db, actor } = options;
  const byId: SQL | undefined = options.workspaceId ? eq(workspaces.id, options.workspaceId) : undefined;
  const order = [asc(sql`lower(${workspaces.name})`), asc(workspaces.createdAt)];
  if (actor.via === "operator") {
    const rows = await db
      .select({
        id: workspaces.id,
        name: workspaces.name,
        memberCount,
        requiredApprovals: workspaces.requiredApprovals,
        requiredKeyApprovals: workspaces.requiredKeyApprovals,
        createdAt: workspaces.createdAt,
      })
      .from(workspaces)
      .where(byId)
      .orderBy(...order);
    return rows.map((row) => ({ ...row, role: "owner" as const, createdAt: row.createdAt.toISOString() }));
  }
  const rows = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: memberships.role,
      memberCount,
      requiredApprovals: workspaces.requiredApprovals,
      requiredKeyApprovals: workspaces.requiredKeyApprovals,
      createdAt: workspaces.createdAt,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, actor.id), byId))
    .orderBy(...order);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
