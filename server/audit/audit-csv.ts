import type { AuditEventDto } from "@/lib/schemas/audit";
import { formatCsv } from "../csv/csv-format";

/** Columns of the audit CSV, in order. */
export const AUDIT_CSV_COLUMNS = [
  "id",
  "created_at",
  "actor_id",
  "actor_name",
  "action",
  "target_type",
  "target_id",
  "target_label",
  "data",
] as const;

/**
 * Audit events as CSV text (RFC 4180 quoting, CRLF line ends, header first). Audit data holds
 * names and titles typed by any member: `formatCsv` neutralises cells a spreadsheet would run.
 */
export function auditEventsToCsv(events: AuditEventDto[]): string {
  const rows = events.map((event) => [
    String(event.id),
    event.createdAt,
    event.actor?.id ?? "",
    event.actor ? event.actor.name : "Operator (CLI)",
    event.action,
    event.targetType,
    event.targetId,
    event.targetLabel ?? "",
    JSON.stringify(event.data),
  ]);
  return formatCsv([[...AUDIT_CSV_COLUMNS], ...rows]);
}
