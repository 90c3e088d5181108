import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { DETAIL_FIELDS } from "@/lib/assessments/details-draft";
import type { DetailChanges } from "@/lib/schemas/assessments";

/**
 * Who last changed each of the assessment's title, key question and TLP marking, and when: the
 * newest `assessment.updated` audit event whose `changes` has the field. Every change of them is
 * audited in the transaction that writes it, so this names whoever wrote the value stored now.
 * Reads only; callers authorize (any member may read the assessment's audit trail).
 */
export async function loadDetailChanges(options: { db: Executor; assessmentId: string }): Promise<DetailChanges> {
  const changes: DetailChanges = {};
  for (const field of DETAIL_FIELDS) {
    const [row] = await options.db
      .select({ at: auditEvents.createdAt, userId: users.id, name: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(
        and(
          eq(auditEvents.targetType, "assessment"),
          eq(auditEvents.targetId, options.assessmentId),
          eq(auditEvents.action, "assessment.updated"),
          isNotNull(sql`${auditEvents.data}->'changes'->${field}`),
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1);
    if (!row) continue;
    changes[field] = {
      by: row.userId && row.name !== null ? { id: row.userId, name: row.name } : null,
      at: row.at.toISOString(),
    };
  }
  return changes;
}
