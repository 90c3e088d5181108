import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type SiteFact, sources } from "@/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * Refuses site facts that cite sources outside the workspace (another team's ids included) with a
 * field message per source, before anything is written: a fact's sources are kept as ids in JSON,
 * so no foreign key would catch them.
 */
export async function checkSiteFactSources(
  db: Executor,
  workspaceId: string,
  facts: readonly SiteFact[] | undefined,
): Promise<void> {
  const wanted = [...new Set((facts ?? []).flatMap((fact) => fact.sourceIds))];
  if (wanted.length === 0) return;
  const found = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(inArray(sources.id, wanted), eq(sources.workspaceId, workspaceId)));
  const known = new Set(found.map((row) => row.id));
  const fields: FieldErrors = {};
  (facts ?? []).forEach((fact, factIndex) => {
    fact.sourceIds.forEach((id, index) => {
      if (!known.has(id))
        fields[`facts.${factIndex}.sourceIds.${index}`] = ["No source of this workspace has this id."];
    });
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("bad_request:validation", "Some fields are not valid.", { fields });
  }
}
