import { getDatabase } from "@/db/client";
import type { SourceDto } from "@/lib/schemas/evidence";
import type { Actor } from "../auth/actor";
import { loadSourceDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

/** Every source of a workspace's library, by publisher (any member). */
export async function listSources(options: { actor: Actor; workspaceId: string }): Promise<SourceDto[]> {
  const db = getDatabase();
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId: options.workspaceId, kind: "source" });
  return loadSourceDtos(db, options.workspaceId);
}
