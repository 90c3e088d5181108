import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, notifications, users, workspaces } from "@/db/schema";
import { type NotificationDto, notificationUrl } from "@/lib/schemas/notifications";

/**
 * The notifications a user may see: their own, in workspaces they still belong to. Someone removed
 * from a workspace keeps the rows (they come back if re-invited) but no longer sees what
 * happened there, as they no longer see the workspace itself.
 */
export function visibleNotifications(userId: string, ...conditions: (SQL | undefined)[]) {
  return and(
    eq(notifications.userId, userId),
    sql`exists (select 1 from ${memberships} where ${memberships.workspaceId} = ${notifications.workspaceId} and ${memberships.userId} = ${notifications.userId})`,
    ...conditions,
  );
}

/** Notifications of `userId` not read yet, of workspaces they belong to. */
export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(visibleNotifications(userId, isNull(notifications.readAt)));
  return row?.count ?? 0;
}

/** Loads notifications as DTOs (with workspace name and actor), newest first. */
export async function loadNotificationDtos(
  db: Executor,
  where: SQL | undefined,
  limit?: number,
): Promise<NotificationDto[]> {
  const query = db
    .select({
      row: notifications,
      workspaceName: workspaces.name,
      actorName: users.name,
    })
    .from(notifications)
    .innerJoin(workspaces, eq(workspaces.id, notifications.workspaceId))
    .leftJoin(users, eq(users.id, notifications.actorUserId))
    .where(where)
    .orderBy(sql`${notifications.createdAt} desc`, sql`${notifications.id} desc`);
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map(({ row, workspaceName, actorName }) => ({
    id: row.id,
    kind: row.kind,
    summary: row.summary,
    workspace: { id: row.workspaceId, name: workspaceName },
    assessmentId: row.assessmentId,
    judgementId: row.judgementId,
    threadId: row.threadId,
    actor: row.actorUserId && actorName !== null ? { id: row.actorUserId, name: actorName } : null,
    url: notificationUrl(row),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }));
}
