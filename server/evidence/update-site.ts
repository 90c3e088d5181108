import { and, eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { sites } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createSiteInput, type SiteDto, type UpdateSiteInput, updateSiteInput } from "@/lib/schemas/evidence";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { checkSiteFactSources } from "./check-site-fact-sources";
import { loadSiteDtos } from "./evidence-dtos";
import { checkRevision, recordEvidenceRevision } from "./evidence-revisions";
import { isUniqueViolation } from "./is-unique-violation";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface UpdateSiteOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  siteId: string;
  /** The fields to change, and `revision`: the revision the change was made against. */
  input: UpdateSiteInput;
}

/** Changes a site if nobody changed it since `revision`; otherwise 409 with the current one. */
export async function updateSite(options: UpdateSiteOptions): Promise<SiteDto> {
  const { revision, ...changes } = parseInput(updateSiteInput, options.input);
  const actorUserId = auditActorId(options.actor);
  const { workspaceId, siteId } = options;
  try {
    const site = await getDatabase().transaction(async (tx) => {
      await requireEvidenceAccess({
        db: tx,
        actor: options.actor,
        workspaceId,
        kind: "site",
        recordId: siteId,
        write: true,
      });
      const where = and(eq(sites.id, siteId), eq(sites.workspaceId, workspaceId));
      // The row lock queues concurrent editors, so exactly one of two edits of revision N wins.
      const [row] = await tx.select().from(sites).where(where).for("update");
      if (!row) throw new AppError("not_found:site");
      const current = async () => (await loadSiteDtos(tx, workspaceId, where))[0];
      await checkRevision({ kind: "site", expected: revision, actual: row.revision, current });
      const before = await current();
      // Validated as a whole so a change cannot leave the site with half a coordinate pair or no precision.
      const merged = parseInput(createSiteInput, { ...before, ...changes });
      await checkSiteFactSources(tx, options.workspaceId, merged.facts);
      await tx
        .update(sites)
        .set({ ...merged, revision: row.revision + 1, updatedBy: actorUserId, updatedAt: sql`now()` })
        .where(where);
      const after = await current();
      if (!before || !after) throw new Error("the site vanished under a row lock");
      await recordEvidenceRevision({ db: tx, kind: "site", record: after, action: "updated", actorUserId });
      await recordAuditEvent({
        db: tx,
        workspaceId,
        actorUserId,
        action: "site.updated",
        targetType: "site",
        targetId: siteId,
        data: { revision: after.revision, changed: Object.keys(changes), name: after.name },
      });
      return after;
    });
    await publishEvidenceChanged({ workspaceId, kind: "site", recordId: siteId });
    return site;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict:site", "Another site of this workspace has that external id.", {
        fields: { externalId: ["Another site of this workspace has this external id."] },
      });
    }
    throw error;
  }
}
