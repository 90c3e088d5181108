import { inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { observations, sites, sources } from "@/db/schema";
import type { CreateSourceInput } from "@/lib/schemas/evidence";
import {
  convertEvidenceFile,
  type ImportedObservation,
  type ImportedRecord,
  type ImportedSite,
} from "./convert-evidence-file";
import { loadObservationDtos, loadSiteDtos, loadSourceDtos } from "./evidence-dtos";
import { fileIdsOf, observationToFile, siteToFile, sourceToFile } from "./evidence-file-records";

/** A record of the file already in the library whose given fields say something else: not applied. */
export interface ImportDifference {
  /** The record's id in the file. */
  id: string;
  /** The file's names of the fields that differ, e.g. `summary`, `counts`. */
  fields: string[];
}

/** Library ids by the ids a file may use (file id or uuid), per kind. */
export interface ImportRefs {
  sourceIds: ReadonlyMap<string, string>;
  siteIds: ReadonlyMap<string, string>;
}

interface FieldSpec<R> {
  /** The field's name in the file, as reported. */
  label: string;
  /** The file fields it is read from: compared only when the file's record has one of them. */
  keys: string[];
  value: (record: R, refs: ImportRefs) => unknown;
}

type SourceRecord = ImportedRecord<CreateSourceInput>;

const plain = <R extends { input: object }>(label: string, field: string, keys = [label]): FieldSpec<R> => ({
  label,
  keys,
  value: (record) => (record.input as Record<string, unknown>)[field],
});

const SOURCE_FIELDS: FieldSpec<SourceRecord>[] = [
  plain("publisher", "publisher"),
  plain("title", "title"),
  plain("title_note", "titleNote"),
  plain("url", "url"),
  plain("date", "publishedOn"),
  plain("date_note", "dateNote"),
  { label: "type", keys: ["type", "source_type"], value: (r) => [r.input.type, r.input.typeDetail] },
  plain("authors", "authors"),
  plain("notes", "descriptor"),
  plain("reliability", "reliability"),
  plain("reliability_rationale", "reliabilityRationale"),
  plain("retrieved_on", "retrievedOn"),
  plain("found_in", "foundIn"),
];

const resolve = (ids: ReadonlyMap<string, string>, ref: string) => ids.get(ref) ?? ref;

const SITE_FIELDS: FieldSpec<ImportedSite>[] = [
  plain("name", "name"),
  plain("country", "country"),
  plain("region", "region"),
  plain("type", "type"),
  plain("lat", "latitude"),
  plain("lon", "longitude"),
  plain("coord_basis", "coordinateNote"),
  plain("coord_precision", "coordinatePrecision", ["coord_precision", "coord_inferred"]),
  {
    label: "facts",
    keys: ["facts"],
    value: (r, refs) => r.facts.map((fact) => [fact.text, fact.sourceRefs.map((ref) => resolve(refs.sourceIds, ref))]),
  },
];

const OBSERVATION_FIELDS: FieldSpec<ImportedObservation>[] = [
  plain("summary", "summary"),
  plain("kind", "kind"),
  plain("date", "observed", ["date", "date_precision"]),
  {
    label: "quantities",
    keys: ["quantities", "counts"],
    value: (r) => (r.input.quantities ?? []).map((q) => [q.metric, q.value, q.unit ?? null, q.approximate ?? false]),
  },
  plain("counts", "qualitative"),
  plain("ships", "ships"),
  plain("credibility", "credibility"),
  plain("notes", "notes"),
  plain("inferred_fields", "inferredFields"),
  { label: "site_id", keys: ["site_id"], value: (r, refs) => (r.siteRef ? resolve(refs.siteIds, r.siteRef) : null) },
  {
    label: "source_ids",
    keys: ["source_ids"],
    value: (r, refs) => r.sourceRefs.map((ref) => resolve(refs.sourceIds, ref)),
  },
  {
    label: "source_attributions",
    keys: ["source_attributions"],
    value: (r, refs) =>
      Object.entries(r.sourceAttributions)
        .map(([ref, name]) => [resolve(refs.sourceIds, ref), name])
        .sort(),
  },
  { label: "retraction_reason", keys: ["retraction_reason"], value: (r) => r.retractionReason },
];

/** Empty text, null and absent all mean "nothing" in a file. */
function sameValue(a: unknown, b: unknown): boolean {
  const norm = (value: unknown) => (value === "" || value === undefined ? null : value);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function differences<R extends { externalId: string; given: string[] }>(
  specs: FieldSpec<R>[],
  pairs: [R, R | undefined][],
  refs: ImportRefs,
): ImportDifference[] {
  const found: ImportDifference[] = [];
  for (const [file, stored] of pairs) {
    // A stored record that no longer passes today's checks cannot be read back; nothing to say.
    if (!stored) continue;
    const fields = specs
      .filter((spec) => spec.keys.some((key) => file.given.includes(key)))
      .filter((spec) => !sameValue(spec.value(file, refs), spec.value(stored, refs)))
      .map((spec) => spec.label);
    if (fields.length > 0) found.push({ id: file.externalId, fields });
  }
  return found;
}

/** Library ids by the ids a file may use, per kind, and the records of the file already in the library. */
export interface ExistingRecords {
  sources: SourceRecord[];
  sites: ImportedSite[];
  observations: ImportedObservation[];
}

/** Pairs each file record with the stored one, written as a file record and read back by the converter. */
function pairUp<R extends { externalId: string }, D extends { id: string }>(
  records: R[],
  ids: ReadonlyMap<string, string>,
  dtos: D[],
  readBack: (dto: D) => R | undefined,
): [R, R | undefined][] {
  const byId = new Map(dtos.map((dto) => [dto.id, dto]));
  return records.map((record) => {
    const dto = byId.get(ids.get(record.externalId) ?? "");
    return [record, dto ? readBack(dto) : undefined];
  });
}

/**
 * Which of the file's records already in the library say something else than the library does, field
 * by field. The stored record is written as a file record and read back by the same converter, so
 * both sides are compared after the same defaults and inferences; only fields the file gives count.
 */
export async function findImportDifferences(
  tx: Transaction,
  workspaceId: string,
  existing: ExistingRecords,
  refs: ImportRefs & { observationIds: ReadonlyMap<string, string> },
): Promise<{ sources: ImportDifference[]; sites: ImportDifference[]; observations: ImportDifference[] }> {
  const uuids = (records: { externalId: string }[], ids: ReadonlyMap<string, string>) =>
    records.map((record) => ids.get(record.externalId) ?? "");
  const [sourceDtos, siteDtos, observationDtos] = await Promise.all([
    loadSourceDtos(tx, workspaceId, inArray(sources.id, uuids(existing.sources, refs.sourceIds))),
    loadSiteDtos(tx, workspaceId, inArray(sites.id, uuids(existing.sites, refs.siteIds))),
    loadObservationDtos(tx, workspaceId, inArray(observations.id, uuids(existing.observations, refs.observationIds))),
  ]);
  // Facts name their sources by uuid; written as a file they need every source's file id.
  const fileIdOf = existing.sites.length > 0 ? fileIdsOf(await loadSourceDtos(tx, workspaceId)) : new Map();
  const readBack = (file: Parameters<typeof convertEvidenceFile>[0]) => convertEvidenceFile(file);
  return {
    sources: differences(
      SOURCE_FIELDS,
      pairUp(
        existing.sources,
        refs.sourceIds,
        sourceDtos,
        (dto) => readBack({ sources: [sourceToFile(dto)] }).sources[0],
      ),
      refs,
    ),
    sites: differences(
      SITE_FIELDS,
      pairUp(
        existing.sites,
        refs.siteIds,
        siteDtos,
        (dto) => readBack({ sites: [siteToFile(dto, fileIdOf)] }).sites[0],
      ),
      refs,
    ),
    observations: differences(
      OBSERVATION_FIELDS,
      pairUp(
        existing.observations,
        refs.observationIds,
        observationDtos,
        (dto) => readBack({ observations: [observationToFile(dto)] }).observations[0],
      ),
      refs,
    ),
  };
}
