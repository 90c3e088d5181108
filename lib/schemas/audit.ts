import { z } from "zod";
import type { WorkspaceRole } from "../roles";

/** Largest page of `GET …/audit-events`; CSV exports are not paged. */
export const AUDIT_PAGE_MAX = 500;
export const AUDIT_PAGE_DEFAULT = 100;

/**
 * Roles that see a whole workspace's trail. Owners run the workspace; reviewers are its
 * oversight and need evidence revisions, retractions and role changes (who may approve), which
 * no single assessment's trail holds. Analysts and viewers see the trail of each assessment.
 */
export const WORKSPACE_AUDIT_ROLES: readonly WorkspaceRole[] = ["owner", "reviewer"];

/** Whether a member with this role may read the workspace's audit trail. */
export function canViewWorkspaceAudit(role: WorkspaceRole): boolean {
  return WORKSPACE_AUDIT_ROLES.includes(role);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What audit events are recorded about; `targetType` filters on these. */
export const AUDIT_TARGET_TYPES = [
  "user",
  "workspace",
  "invitation",
  "assessment",
  "judgement",
  "comment_thread",
  "comment",
  "observation",
  "source",
  "site",
  "api_token",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** The first instant a `from` filter admits (a day means its start, UTC). */
export function auditRangeStart(from: string): number {
  return Date.parse(from);
}

/** The instant just after the last one a `to` filter admits (a day means its whole day, UTC). */
export function auditRangeEnd(to: string): number {
  return DAY.test(to) ? Date.parse(to) + 86_400_000 : Date.parse(to) + 1;
}

/** A day (YYYY-MM-DD, UTC) or an ISO date-time with an offset. */
const dateOrTime = (name: string) =>
  z
    .string({ error: `Use ${name}=YYYY-MM-DD or an ISO date-time.` })
    .trim()
    .refine(
      (value) => (DAY.test(value) || value.includes("T")) && !Number.isNaN(Date.parse(value)),
      `Use ${name}=YYYY-MM-DD or an ISO date-time such as 2026-05-01T12:00:00Z.`,
    );

/** Query of `GET …/audit-events` (workspace and assessment); read it with `auditQueryInput`. */
export const listAuditEventsQuery = z
  .object({
    action: z
      .string()
      .trim()
      .regex(/^[a-z0-9_.]{1,100}$/, "Use an action such as member.removed, or a prefix ending in a dot (member.).")
      .optional()
      .describe("An exact action (`member.removed`) or, ending in a dot, every action it starts (`member.`)."),
    actorId: z.uuid({ error: "actorId must be a user id." }).optional().describe("Only events by this user."),
    targetType: z
      .enum(AUDIT_TARGET_TYPES, { error: `Use targetType=${AUDIT_TARGET_TYPES.join(", ")}.` })
      .optional()
      .describe("Only events on this kind of target (`user`, `assessment`, `observation`…)."),
    from: dateOrTime("from").optional().describe("Written at or after this time (a day means its start, UTC)."),
    to: dateOrTime("to").optional().describe("Written at or before this time (a day means its whole day, UTC)."),
    before: z.coerce
      .number({ error: "before must be an event id." })
      .int("before must be an event id.")
      .positive("before must be an event id.")
      .optional()
      .describe("Cursor: only events older than this id (the previous page's `nextCursor`)."),
    limit: z.coerce
      .number({ error: `Use limit=1 to ${AUDIT_PAGE_MAX}.` })
      .int(`Use limit=1 to ${AUDIT_PAGE_MAX}.`)
      .min(1, `Use limit=1 to ${AUDIT_PAGE_MAX}.`)
      .max(AUDIT_PAGE_MAX, `Use limit=1 to ${AUDIT_PAGE_MAX}.`)
      .optional()
      .describe(`Events per page (default ${AUDIT_PAGE_DEFAULT}). Ignored by format=csv, which exports them all.`),
    format: z
      .enum(["json", "csv"], { error: "Use format=json or format=csv." })
      .optional()
      .describe("json (default): one page; csv: every matching event, newest first, as a download."),
  })
  // A range that ends before it starts matches nothing: say so rather than show an empty trail.
  .refine((query) => !query.from || !query.to || auditRangeStart(query.from) < auditRangeEnd(query.to), {
    message: "The end of the date range must not be before its start.",
    path: ["to"],
    // Checked beside other fields' mistakes too, so one answer lists everything to fix.
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "from" || issue.path?.[0] === "to"),
  });
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuery>;

/**
 * Query parameters as input for `listAuditEventsQuery`: the first value of each, empty ones
 * dropped, because the filter form submits every field, filled or not.
 */
export function auditQueryInput(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const input: Record<string, string> = {};
  for (const [key, raw] of entries) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value.trim() !== "" && !(key in input)) input[key] = value;
  }
  return input;
}

export const auditEventDto = z
  .object({
    id: z.number().int().describe("Increases in the order events were written."),
    workspaceId: z.uuid().nullable(),
    action: z.string().describe("`<target>.<verb>`, e.g. `member.role_changed`."),
    targetType: z.string(),
    targetId: z.string(),
    targetLabel: z.string().nullable().describe("The target's name or title when it is a user or an assessment."),
    actor: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe("Who did it; null for the command-line operator."),
    data: z.record(z.string(), z.unknown()).describe("Details of the change, e.g. `{ from, to }` of a role change."),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventDto = z.infer<typeof auditEventDto>;

/** Response of `GET …/audit-events` (JSON). */
export const auditEventPage = z.object({
  events: z.array(auditEventDto).describe("Newest first."),
  nextCursor: z.number().int().nullable().describe("Pass as `before` for the next (older) page; null on the last."),
});
export type AuditEventPage = z.infer<typeof auditEventPage>;
