import { getDatabase } from "@/db/client";
import type { Actor } from "../auth/actor";
import { fileDateOf, observationsToCsv } from "./evidence-csv";
import { loadObservationDtos, loadSiteDtos, loadSourceDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface ExportEvidenceOptions {
  /** Any member of the workspace. */
  actor: Actor;
  workspaceId: string;
}

/**
 * The whole library in the interchange format (the shape of the example dataset plus grades,
 * quantity details and retractions), so it imports back into this or another workspace. Records
 * made in the app have no file id and are exported under their uuid.
 */
export async function exportEvidenceJson(options: ExportEvidenceOptions): Promise<Record<string, unknown>> {
  const db = getDatabase();
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId: options.workspaceId, kind: "observation" });
  const [sourceList, siteList, observationList] = await Promise.all([
    loadSourceDtos(db, options.workspaceId),
    loadSiteDtos(db, options.workspaceId),
    loadObservationDtos(db, options.workspaceId),
  ]);
  // Site facts keep source uuids; the file names sources by the ids it gives them.
  const fileIdOf = new Map(sourceList.map((source) => [source.id, source.externalId ?? source.id]));
  return {
    dataset: "parallax_evidence_library",
    version: "1.0",
    exported_at: new Date().toISOString(),
    sources: sourceList.map((source) => ({
      id: source.externalId ?? source.id,
      publisher: source.publisher,
      title: source.title,
      title_note: source.titleNote,
      url: source.url,
      date: source.publishedOn,
      date_note: source.dateNote,
      type: source.typeDetail ?? source.type,
      source_type: source.type,
      authors: source.authors,
      notes: source.descriptor,
      reliability: source.reliability,
      reliability_rationale: source.reliabilityRationale,
      retrieved_on: source.retrievedOn,
      found_in: source.foundIn,
    })),
    sites: siteList.map((site) => ({
      id: site.externalId ?? site.id,
      name: site.name,
      country: site.country,
      region: site.region,
      type: site.type,
      lat: site.latitude,
      lon: site.longitude,
      coord_basis: site.coordinateNote,
      coord_precision: site.coordinatePrecision,
      coord_inferred: site.coordinatePrecision !== null && site.coordinatePrecision !== "exact",
      facts: site.facts.map((fact) => ({
        fact: fact.text,
        source_ids: fact.sourceIds.map((id) => fileIdOf.get(id) ?? id),
      })),
    })),
    observations: observationList.map((observation) => ({
      id: observation.externalId ?? observation.id,
      site_id: observation.site ? (observation.site.externalId ?? observation.site.id) : null,
      ...fileDateOf(observation.observed),
      kind: observation.kind,
      summary: observation.summary,
      counts: Object.fromEntries([
        ...observation.quantities.map((q) => [q.metric, q.value]),
        ...observation.qualitative.map((q) => [q.metric, q.text]),
      ]),
      quantities: observation.quantities,
      ships: observation.ships,
      source_ids: observation.sources.map((source) => source.externalId ?? source.id),
      source_attributions: Object.fromEntries(
        observation.sources
          .filter((source) => source.attributedTo)
          .map((source) => [source.externalId ?? source.id, source.attributedTo]),
      ),
      credibility: observation.credibility,
      inferred: observation.inferredFields.length > 0,
      inferred_fields: observation.inferredFields,
      notes: observation.notes,
      retraction_reason: observation.retraction?.reason ?? null,
    })),
  };
}

/** The library's observations as CSV (see evidence-csv.ts for the columns). */
export async function exportEvidenceCsv(options: ExportEvidenceOptions): Promise<string> {
  const db = getDatabase();
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId: options.workspaceId, kind: "observation" });
  return observationsToCsv(await loadObservationDtos(db, options.workspaceId));
}
