import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditTargetType } from "@/lib/schemas/audit";

export interface RecordAuditEventOptions {
  /** The database or the transaction the audited change runs in, so both commit together. */
  db: Executor;
  workspaceId: string | null;
  actorUserId: string | null;
  /** `<target>.<verb>`, e.g. `member.role_changed`. */
  action: string;
  targetType: AuditTargetType;
  targetId: string;
  data?: Record<string, unknown>;
}

/** Appends one audit event. */
export async function recordAuditEvent(options: RecordAuditEventOptions): Promise<void> {
  await options.db.insert(auditEvents).values({
    workspaceId: options.workspaceId,
    actorUserId: options.actorUserId,
    action: options.action,
    targetType: options.targetType,
    targetId: options.targetId,
    data: options.data ?? {},
  });
}
