import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { sites } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type CreateSiteInput, createSiteInput, type SiteDto } from "@/lib/schemas/evidence";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { checkSiteFactSources } from "./check-site-fact-sources";
import { loadSiteDtos } from "./evidence-dtos";
import { recordEvidenceRevision } from "./evidence-revisions";
import { isUniqueViolation } from "./is-unique-violation";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface CreateSiteOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  /** The site's fields (validated here). */
  input: CreateSiteInput;
}

/** Adds a site (a named place, with coordinates and how precise they are) to a workspace's library; revision 1 is kept in its history. */
export async function createSite(options: CreateSiteOptions): Promise<SiteDto> {
  const input = parseInput(createSiteInput, options.input);
  const actorUserId = auditActorId(options.actor);
  try {
    const site = await getDatabase().transaction(async (tx) => {
      await requireEvidenceAccess({
        db: tx,
        actor: options.actor,
        workspaceId: options.workspaceId,
        kind: "site",
        write: true,
      });
      await checkSiteFactSources(tx, options.workspaceId, input.facts);
      const [row] = await tx
        .insert(sites)
        .values({ ...input, workspaceId: options.workspaceId, createdBy: actorUserId, updatedBy: actorUserId })
        .returning({ id: sites.id });
      if (!row) throw new Error("insert into sites returned no row");
      const [dto] = await loadSiteDtos(tx, options.workspaceId, eq(sites.id, row.id));
      if (!dto) throw new Error("the new site vanished");
      await recordEvidenceRevision({ db: tx, kind: "site", record: dto, action: "created", actorUserId });
      await recordAuditEvent({
        db: tx,
        workspaceId: options.workspaceId,
        actorUserId,
        action: "site.created",
        targetType: "site",
        targetId: dto.id,
        data: { name: dto.name },
      });
      return dto;
    });
    await publishEvidenceChanged({ workspaceId: options.workspaceId, kind: "site", recordId: site.id });
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
