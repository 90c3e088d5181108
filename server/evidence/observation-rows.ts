import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type NewObservation, observationSources, sites, sources } from "@/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import {
  type CreateObservationInput,
  normalizeSourceRef,
  type ObservationSourceRef,
  observedBounds,
  sourceIdOf,
} from "@/lib/schemas/evidence";

/**
 * Refuses a site or sources that are not in the workspace (another team's ids included) with field
 * messages, before anything is written.
 */
export async function checkObservationLinks(
  db: Executor,
  workspaceId: string,
  input: Pick<CreateObservationInput, "siteId" | "sourceIds">,
): Promise<void> {
  const fields: FieldErrors = {};
  if (input.siteId) {
    const [site] = await db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.id, input.siteId), eq(sites.workspaceId, workspaceId)));
    if (!site) fields.siteId = ["No site of this workspace has this id."];
  }
  const sourceIds = input.sourceIds.map(sourceIdOf);
  const found = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(inArray(sources.id, sourceIds), eq(sources.workspaceId, workspaceId)));
  const known = new Set(found.map((row) => row.id));
  sourceIds.forEach((id, index) => {
    if (!known.has(id)) fields[`sourceIds.${index}`] = ["No source of this workspace has this id."];
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("bad_request:validation", "Some fields are not valid.", { fields });
  }
}

/** The columns of an observation from its validated input. */
export function observationColumns(input: CreateObservationInput): Omit<NewObservation, "workspaceId"> {
  const { start, end } = observedBounds(input.observed);
  return {
    externalId: input.externalId ?? null,
    summary: input.summary,
    kind: input.kind ?? "",
    siteId: input.siteId ?? null,
    observedPrecision: input.observed.precision,
    observedStart: start,
    observedEnd: end,
    quantities: (input.quantities ?? []).map((quantity) => ({
      metric: quantity.metric,
      value: quantity.value,
      unit: quantity.unit ?? null,
      approximate: quantity.approximate ?? false,
    })),
    qualitative: input.qualitative ?? [],
    ships: input.ships ?? [],
    credibility: input.credibility,
    notes: input.notes ?? "",
    inferredFields: input.inferredFields ?? [],
  };
}

/** Replaces an observation's source links (with any attributions), keeping the order they were listed in. */
export async function linkObservationSources(
  db: Executor,
  observationId: string,
  refs: readonly ObservationSourceRef[],
): Promise<void> {
  await db.delete(observationSources).where(eq(observationSources.observationId, observationId));
  if (refs.length === 0) return;
  await db.insert(observationSources).values(observationSourceRows(observationId, refs));
}

/** The link rows of an observation's sources (with any attributions), positioned in the order listed. */
export function observationSourceRows(
  observationId: string,
  refs: readonly ObservationSourceRef[],
): (typeof observationSources.$inferInsert)[] {
  return refs.map((ref, position) => {
    const { id, attributedTo } = normalizeSourceRef(ref);
    return { observationId, sourceId: id, position, attributedTo };
  });
}
