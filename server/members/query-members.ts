import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Member } from "@/lib/schemas/workspaces";

export interface QueryMembersOptions {
  db: Executor;
  workspaceId: string;
  /** Restricts the result to one member. */
  userId?: string;
}

/** Members of a workspace, owners first, then by name. No authorization: callers check membership. */
export async function queryMembers(options: QueryMembersOptions): Promise<Member[]> {
  const filter: SQL | undefined = options.userId ? eq(memberships.userId, options.userId) : undefined;
  const rows = await options.db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, options.workspaceId), filter))
    // The role enum sorts in declaration order: owner, analyst, reviewer, viewer.
    .orderBy(asc(memberships.role), asc(sql`lower(${users.name})`), asc(users.email));
  return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
}

/** The number of owners of a workspace. Call it under `lockWorkspace` so the count stays true until commit. */
export async function countOwners(db: Executor, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ owners: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
  return row?.owners ?? 0;
}
