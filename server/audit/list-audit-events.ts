import { type Executor, getDatabase } from "@/db/client";
import {
  AUDIT_PAGE_DEFAULT,
  type AuditEventPage,
  type ListAuditEventsQuery,
  WORKSPACE_AUDIT_ROLES,
} from "@/lib/schemas/audit";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";
import { type AuditScope, queryAuditEvents } from "./query-audit-events";

/** A whole workspace's trail, or one assessment's. */
export type AuditView = { workspaceId: string } | { assessmentId: string };

export interface ListAuditEventsOptions {
  /** Workspace view: owners and reviewers. Assessment view: any member of its workspace. */
  actor: Actor;
  view: AuditView;
  /** Filters and cursor, already parsed with `listAuditEventsQuery`. */
  query: ListAuditEventsQuery;
}

/**
 * What `actor` may see of a view. Non-members get 404 (as everywhere); analysts and viewers
 * asking for the workspace trail get 403. Reviewers see it without invitation events.
 * Token-level events (`api_token.*`, `user.*`) have no workspace and appear in no view.
 */
export async function requireAuditScope(db: Executor, actor: Actor, view: AuditView): Promise<AuditScope> {
  if ("assessmentId" in view) {
    const { assessment } = await requireAssessment({ db, actor, assessmentId: view.assessmentId });
    return { kind: "assessment", workspaceId: assessment.workspaceId, assessmentId: assessment.id };
  }
  const role = await requireMembership({
    db,
    actor,
    workspaceId: view.workspaceId,
    roles: WORKSPACE_AUDIT_ROLES,
    subject: "audit",
  });
  return { kind: "workspace", workspaceId: view.workspaceId, hideInvitations: role !== "owner" };
}

/**
 * One page of the audit trail, newest first. The per-assessment view holds the events on the
 * assessment itself (`targetType` `assessment`) and every event whose `data.assessmentId` names
 * it (judgements, reviews, comments). Pass `nextCursor` back as `before` for older events.
 */
export async function listAuditEvents(options: ListAuditEventsOptions): Promise<AuditEventPage> {
  const db = getDatabase();
  const scope = await requireAuditScope(db, options.actor, options.view);
  const { format: _format, limit = AUDIT_PAGE_DEFAULT, ...filters } = options.query;
  // One extra row tells whether an older page exists without a count query.
  const rows = await queryAuditEvents({ db, scope, filters, limit: limit + 1 });
  const events = rows.slice(0, limit);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > limit && last ? last.id : null };
}
