import { and, eq, isNull } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observations, sites } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type EvidenceConflict, findEvidenceConflicts } from "@/lib/evidence-conflicts";
import type { Actor } from "../auth/actor";
import { isUuid } from "../policies/require-membership";
import { loadObservationDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface ListEvidenceConflictsOptions {
  /** Any member of the workspace. */
  actor: Actor;
  workspaceId: string;
  /** Only conflicts at this site of the workspace; another workspace's site is a 404. */
  siteId?: string;
}

/**
 * Value and attribution conflicts among a workspace's active observations (retracted ones take no
 * part), by site, metric and date; the rules are in lib/evidence-conflicts.ts.
 */
export async function listEvidenceConflicts(options: ListEvidenceConflictsOptions): Promise<EvidenceConflict[]> {
  const db = getDatabase();
  const { workspaceId, siteId } = options;
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId, kind: "observation" });
  if (siteId !== undefined) {
    const [site] = isUuid(siteId)
      ? await db
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.id, siteId), eq(sites.workspaceId, workspaceId)))
      : [];
    if (!site) throw new AppError("not_found:site");
  }
  const active = await loadObservationDtos(
    db,
    workspaceId,
    and(isNull(observations.retractedAt), siteId ? eq(observations.siteId, siteId) : undefined),
  );
  return findEvidenceConflicts(active);
}
