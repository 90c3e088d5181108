import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { observations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "../auth/actor";
import { loadObservationDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface LockObservationOptions {
  actor: Actor;
  workspaceId: string;
  observationId: string;
}

/**
 * Checks that the caller may change an observation and locks its row for the transaction. The
 * row lock queues concurrent editors, so exactly one of two changes made from revision N wins.
 * Returns the row, its filter, and a loader of its current DTO (for 409 bodies and merges).
 */
export async function lockObservation(tx: Transaction, options: LockObservationOptions) {
  const { workspaceId, observationId } = options;
  await requireEvidenceAccess({
    db: tx,
    actor: options.actor,
    workspaceId,
    kind: "observation",
    recordId: observationId,
    write: true,
  });
  const where = and(eq(observations.id, observationId), eq(observations.workspaceId, workspaceId));
  const [row] = await tx.select().from(observations).where(where).for("update");
  if (!row) throw new AppError("not_found:observation");
  const current = async () => (await loadObservationDtos(tx, workspaceId, where))[0];
  return { row, where, current };
}
