import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { sources } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { SourceDto } from "@/lib/schemas/evidence";
import type { Actor } from "../auth/actor";
import { loadSourceDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

/** One source of a workspace (any member); unknown ids and other workspaces' sources are 404. */
export async function getSource(options: { actor: Actor; workspaceId: string; sourceId: string }): Promise<SourceDto> {
  const db = getDatabase();
  await requireEvidenceAccess({
    db,
    actor: options.actor,
    workspaceId: options.workspaceId,
    kind: "source",
    recordId: options.sourceId,
  });
  const [source] = await loadSourceDtos(db, options.workspaceId, eq(sources.id, options.sourceId));
  if (!source) throw new AppError("not_found:source");
  return source;
}
