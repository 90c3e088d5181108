import type { AuditEventDto } from "@/lib/schemas/audit";
import { formatCsv } from "../evidence/evidence-csv";

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
 * A cell a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'` (OWASP "CSV injection"). Audit data holds names and
 * titles typed by any member, so an owner opening the export must not execute them.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Audit events as CSV text (RFC 4180 quoting, CRLF line ends, header first). */
export function auditEventsToCsv(events: AuditEventDto[]): string {
  const rows = events.map((event) =>
    [
      String(event.id),
      event.createdAt,
      event.actor?.id ?? "",
      event.actor ? event.actor.name : "Operator (CLI)",
      event.action,
      event.targetType,
      event.targetId,
      event.targetLabel ?? "",
      JSON.stringify(event.data),
    ].map(neutraliseFormula),
  );
  return formatCsv([[...AUDIT_CSV_COLUMNS], ...rows]);
}
