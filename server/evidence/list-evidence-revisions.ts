import { and, desc, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { evidenceRevisions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { EvidenceKind } from "@/lib/evidence";
import type { EvidenceRevisionDto } from "@/lib/schemas/evidence";
import type { Actor } from "../auth/actor";
import { loadPeople } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface ListEvidenceRevisionsOptions {
  /** Any member of the workspace. */
  actor: Actor;
  workspaceId: string;
  kind: EvidenceKind;
  recordId: string;
}

/** Every version of a source, site or observation, newest first: who changed it, when, and what it was. */
export async function listEvidenceRevisions(options: ListEvidenceRevisionsOptions): Promise<EvidenceRevisionDto[]> {
  const db = getDatabase();
  await requireEvidenceAccess({
    db,
    actor: options.actor,
    workspaceId: options.workspaceId,
    kind: options.kind,
    recordId: options.recordId,
  });
  const rows = await db
    .select()
    .from(evidenceRevisions)
    .where(
      and(
        eq(evidenceRevisions.workspaceId, options.workspaceId),
        eq(evidenceRevisions.kind, options.kind),
        eq(evidenceRevisions.recordId, options.recordId),
      ),
    )
    .orderBy(desc(evidenceRevisions.revision));
  // Every record has its creation revision, so no rows means no such record in this workspace.
  if (rows.length === 0) throw new AppError(`not_found:${options.kind}`);
  const people = await loadPeople(
    db,
    rows.map((row) => row.actorUserId),
  );
  return rows.map((row) => ({
    revision: row.revision,
    action: row.action,
    at: row.createdAt.toISOString(),
    by: (row.actorUserId && people.get(row.actorUserId)) || null,
    snapshot: row.snapshot,
  }));
}
