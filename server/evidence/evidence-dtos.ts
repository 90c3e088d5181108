import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  type Observation,
  observationSources,
  observations,
  type Site,
  type Source,
  sites,
  sources,
  users,
} from "@/db/schema";
import type { ObservationDto, SiteDto, SourceDto } from "@/lib/schemas/evidence";
import type { InformationCredibility } from "@/lib/standards/admiralty";

type Person = { id: string; name: string };

/** Names of the users who created, changed or retracted records, in one query. */
export async function loadPeople(db: Executor, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

function person(people: Map<string, Person>, id: string | null): Person | null {
  return (id && people.get(id)) || null;
}

type RecordRow = Source | Site | Observation;

function recordMeta(row: RecordRow, people: Map<string, Person>) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    externalId: row.externalId,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: person(people, row.createdBy),
    updatedBy: person(people, row.updatedBy),
  };
}

/** Sources of a workspace as the API shows them, by publisher; `where` narrows the rows. */
export async function loadSourceDtos(db: Executor, workspaceId: string, where?: SQL): Promise<SourceDto[]> {
  const rows = await db
    .select()
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), where))
    .orderBy(asc(sources.publisher), asc(sources.createdAt), asc(sources.externalId), asc(sources.id));
  const people = await loadPeople(
    db,
    rows.flatMap((row) => [row.createdBy, row.updatedBy]),
  );
  return rows.map((row) => ({
    ...recordMeta(row, people),
    publisher: row.publisher,
    title: row.title,
    titleNote: row.titleNote,
    url: row.url,
    publishedOn: row.publishedOn,
    dateNote: row.dateNote,
    type: row.type,
    typeDetail: row.typeDetail,
    authors: row.authors,
    reliability: row.reliability,
    reliabilityRationale: row.reliabilityRationale,
    descriptor: row.descriptor,
    retrievedOn: row.retrievedOn,
    foundIn: row.foundIn,
  }));
}

/** Sites of a workspace as the API shows them, by name. */
export async function loadSiteDtos(db: Executor, workspaceId: string, where?: SQL): Promise<SiteDto[]> {
  const rows = await db
    .select()
    .from(sites)
    .where(and(eq(sites.workspaceId, workspaceId), where))
    .orderBy(asc(sites.name), asc(sites.createdAt), asc(sites.externalId), asc(sites.id));
  const people = await loadPeople(
    db,
    rows.flatMap((row) => [row.createdBy, row.updatedBy]),
  );
  return rows.map((row) => ({
    ...recordMeta(row, people),
    name: row.name,
    latitude: row.latitude,
    longitude: row.longitude,
    coordinatePrecision: row.coordinatePrecision,
    coordinateNote: row.coordinateNote,
    country: row.country,
    region: row.region,
    type: row.type,
    facts: row.facts,
  }));
}

function observedOf(row: Observation): ObservationDto["observed"] {
  const bounds = { start: row.observedStart, end: row.observedEnd };
  if (row.observedPrecision === "day") return { precision: "day", date: row.observedStart, ...bounds };
  if (row.observedPrecision === "month") return { precision: "month", month: row.observedStart.slice(0, 7), ...bounds };
  return { precision: "range", ...bounds };
}

/** Observations of a workspace with their site and sources, oldest observation first; `page` takes a slice of that order. */
export async function loadObservationDtos(
  db: Executor,
  workspaceId: string,
  where?: SQL,
  page?: { limit: number; offset: number },
): Promise<ObservationDto[]> {
  const query = db
    .select()
    .from(observations)
    .where(and(eq(observations.workspaceId, workspaceId), where))
    // Records imported together share createdAt (one transaction); the file id breaks the tie the same way everywhere.
    .orderBy(
      asc(observations.observedStart),
      asc(observations.createdAt),
      asc(observations.externalId),
      asc(observations.id),
    );
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const links = await db
    .select({
      observationId: observationSources.observationId,
      id: sources.id,
      externalId: sources.externalId,
      publisher: sources.publisher,
      title: sources.title,
      reliability: sources.reliability,
      attributedTo: observationSources.attributedTo,
    })
    .from(observationSources)
    .innerJoin(sources, eq(sources.id, observationSources.sourceId))
    .where(inArray(observationSources.observationId, ids))
    .orderBy(asc(observationSources.position));
  const sourcesOf = new Map<string, ObservationDto["sources"]>();
  for (const { observationId, ...source } of links) {
    const list = sourcesOf.get(observationId) ?? [];
    list.push(source);
    sourcesOf.set(observationId, list);
  }
  const siteIds = [...new Set(rows.map((row) => row.siteId).filter((id): id is string => Boolean(id)))];
  const siteRows = siteIds.length
    ? await db
        .select({ id: sites.id, name: sites.name, externalId: sites.externalId })
        .from(sites)
        .where(inArray(sites.id, siteIds))
    : [];
  const siteById = new Map(siteRows.map((site) => [site.id, site]));
  const people = await loadPeople(
    db,
    rows.flatMap((row) => [row.createdBy, row.updatedBy, row.retractedBy]),
  );
  return rows.map((row) => ({
    ...recordMeta(row, people),
    summary: row.summary,
    kind: row.kind,
    site: (row.siteId && siteById.get(row.siteId)) || null,
    observed: observedOf(row),
    quantities: row.quantities,
    qualitative: row.qualitative,
    ships: row.ships,
    credibility: row.credibility as InformationCredibility,
    sources: sourcesOf.get(row.id) ?? [],
    notes: row.notes,
    inferredFields: row.inferredFields,
    retraction:
      row.retractedAt && row.retractionReason !== null
        ? { reason: row.retractionReason, at: row.retractedAt.toISOString(), by: person(people, row.retractedBy) }
        : null,
  }));
}
