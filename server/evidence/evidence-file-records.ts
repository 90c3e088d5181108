import type { ObservationDto, SiteDto, SourceDto } from "@/lib/schemas/evidence";
import { fileDateOf } from "./evidence-csv";

// One library record in the interchange format (evidence-file.ts): what an export writes, and what
// an import compares a file's record against. Records made in the app have no file id and go by uuid.

/** Per source uuid, the id a file gives it: site facts keep uuids, a file names sources by file id. */
export function fileIdsOf(sources: readonly SourceDto[]): Map<string, string> {
  return new Map(sources.map((source) => [source.id, source.externalId ?? source.id]));
}

/** A source as a file record. */
export function sourceToFile(source: SourceDto) {
  return {
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
  };
}

/** A site as a file record; `fileIdOf` names the sources of its facts. */
export function siteToFile(site: SiteDto, fileIdOf: ReadonlyMap<string, string>) {
  return {
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
  };
}

/** An observation as a file record, citing its site and sources by their file ids. */
export function observationToFile(observation: ObservationDto) {
  return {
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
  };
}
