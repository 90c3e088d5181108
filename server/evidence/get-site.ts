import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { sites } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { SiteDto } from "@/lib/schemas/evidence";
import type { Actor } from "../auth/actor";
import { loadSiteDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

/** One site of a workspace (any member); unknown ids and other workspaces' sites are 404. */
export async function getSite(options: { actor: Actor; workspaceId: string; siteId: string }): Promise<SiteDto> {
  const db = getDatabase();
  await requireEvidenceAccess({
    db,
    actor: options.actor,
    workspaceId: options.workspaceId,
    kind: "site",
    recordId: options.siteId,
  });
  const [site] = await loadSiteDtos(db, options.workspaceId, eq(sites.id, options.siteId));
  if (!site) throw new AppError("not_found:site");
  return site;
}
