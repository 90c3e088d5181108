import { getDatabase } from "@/db/client";
import type { SiteDto } from "@/lib/schemas/evidence";
import type { Actor } from "../auth/actor";
import { loadSiteDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

/** Every site of a workspace's library, by name (any member). */
export async function listSites(options: { actor: Actor; workspaceId: string }): Promise<SiteDto[]> {
  const db = getDatabase();
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId: options.workspaceId, kind: "site" });
  return loadSiteDtos(db, options.workspaceId);
}
