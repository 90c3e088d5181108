import { and, desc, eq, gte, lt, lte, not, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { assessments, auditEvents, users } from "@/db/schema";
import type { AuditEventDto, ListAuditEventsQuery } from "@/lib/schemas/audit";

/** Which events a view covers, before the caller's filters. */
export type AuditScope =
  | { kind: "workspace"; workspaceId: string; hideInvitations: boolean }
  | { kind: "assessment"; workspaceId: string; assessmentId: string };

export interface QueryAuditEventsOptions {
  db: Executor;
  scope: AuditScope;
  filters: Omit<ListAuditEventsQuery, "format" | "limit">;
  limit: number;
}

const targetUsers = alias(users, "audit_target_users");
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function scopeCondition(scope: AuditScope): SQL | undefined {
  const inWorkspace = eq(auditEvents.workspaceId, scope.workspaceId);
  if (scope.kind === "workspace") {
    // Invitations carry invitees' e-mail addresses, which only owners see elsewhere too.
    return scope.hideInvitations
      ? and(inWorkspace, not(sql`starts_with(${auditEvents.action}, 'invitation.')`))
      : inWorkspace;
  }
  return and(
    inWorkspace,
    or(
      and(eq(auditEvents.targetType, "assessment"), eq(auditEvents.targetId, scope.assessmentId)),
      sql`${auditEvents.data}->>'assessmentId' = ${scope.assessmentId}`,
    ),
  );
}

function filterConditions(filters: QueryAuditEventsOptions["filters"]): (SQL | undefined)[] {
  const { action, actorId, targetType, from, to, before } = filters;
  return [
    action === undefined
      ? undefined
      : action.endsWith(".")
        ? // starts_with, not LIKE: `_` in `api_token.` would be a LIKE wildcard.
          sql`starts_with(${auditEvents.action}, ${action})`
        : eq(auditEvents.action, action),
    actorId ? eq(auditEvents.actorUserId, actorId) : undefined,
    targetType ? eq(auditEvents.targetType, targetType) : undefined,
    from ? gte(auditEvents.createdAt, new Date(from)) : undefined,
    to
      ? DAY.test(to)
        ? lt(auditEvents.createdAt, new Date(Date.parse(to) + 86_400_000))
        : lte(auditEvents.createdAt, new Date(to))
      : undefined,
    before ? lt(auditEvents.id, before) : undefined,
  ];
}

/**
 * One page of audit events, newest first by id (the order they were written; keyset
 * pagination on the id stays correct while new events arrive). Reads only; callers authorize.
 */
export async function queryAuditEvents(options: QueryAuditEventsOptions): Promise<AuditEventDto[]> {
  const rows = await options.db
    .select({
      event: auditEvents,
      actorName: users.name,
      targetUserName: targetUsers.name,
      assessmentTitle: assessments.title,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(
      targetUsers,
      and(eq(auditEvents.targetType, "user"), sql`${targetUsers.id}::text = ${auditEvents.targetId}`),
    )
    .leftJoin(
      assessments,
      and(eq(auditEvents.targetType, "assessment"), sql`${assessments.id}::text = ${auditEvents.targetId}`),
    )
    .where(and(scopeCondition(options.scope), ...filterConditions(options.filters)))
    .orderBy(desc(auditEvents.id))
    .limit(options.limit);
  return rows.map(({ event, actorName, targetUserName, assessmentTitle }) => ({
    id: event.id,
    workspaceId: event.workspaceId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    targetLabel: targetUserName ?? assessmentTitle ?? null,
    actor: event.actorUserId ? { id: event.actorUserId, name: actorName ?? "" } : null,
    data: event.data,
    createdAt: event.createdAt.toISOString(),
  }));
}
