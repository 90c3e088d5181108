import { getDatabase } from "@/db/client";
import { AUDIT_PAGE_MAX } from "@/lib/schemas/audit";
import { auditEventsToCsv } from "./audit-csv";
import { type ListAuditEventsOptions, requireAuditScope } from "./list-audit-events";
import { queryAuditEvents } from "./query-audit-events";

/**
 * Every event of a view that matches the filters (`limit` ignored, `before` honoured), newest
 * first, as CSV. Same authorization as `listAuditEvents`. Read page by page so no single query
 * returns an unbounded result.
 */
export async function exportAuditEventsCsv(options: ListAuditEventsOptions): Promise<string> {
  const db = getDatabase();
  const scope = await requireAuditScope(db, options.actor, options.view);
  const { format: _format, limit: _limit, ...filters } = options.query;
  const events = [];
  let before = filters.before;
  for (;;) {
    const page = await queryAuditEvents({ db, scope, filters: { ...filters, before }, limit: AUDIT_PAGE_MAX });
    events.push(...page);
    const last = page.at(-1);
    if (page.length < AUDIT_PAGE_MAX || !last) break;
    before = last.id;
  }
  return auditEventsToCsv(events);
}
