import { inArray, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { observationSources, observations, sites, sources } from "@/db/schema";
import type { EvidenceKind } from "@/lib/evidence";
import type { CreateSourceInput } from "@/lib/schemas/evidence";
import type { ImportedObservation, ImportedRecord, ImportedSite } from "./convert-evidence-file";
import { loadObservationDtos, loadSiteDtos, loadSourceDtos } from "./evidence-dtos";
import { recordEvidenceRevisions } from "./evidence-revisions";
import { observationColumns, observationSourceRows } from "./observation-rows";

// An import writes its new records a batch at a time (one multi-row INSERT, one read of what the
// API shows, one INSERT of their revisions) instead of eight or nine statements per record: a CSV
// of 3,000 observations sent some 27,000 statements inside one transaction. A batch binds at most
// ~20 parameters a row (4 a source link), well below PostgreSQL's 65,535 per statement.
const RECORDS_PER_BATCH = 500;
const LINKS_PER_INSERT = 2000;

function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

export interface InsertImportedOptions<R> {
  /** The import's transaction. */
  tx: Transaction;
  workspaceId: string;
  actorUserId: string | null;
  /** New records of one kind, none of them in the library yet, in file order. */
  records: R[];
  /** Library source ids by the file's ids; the new sources are added. */
  sourceIds: Map<string, string>;
  /** Library site ids by the file's ids; the new sites are added. */
  siteIds: Map<string, string>;
}

interface BatchSteps<R> {
  kind: EvidenceKind;
  /** Library ids by file id, of this kind: the new records are added. */
  ids: Map<string, string>;
  insert: (batch: R[]) => Promise<{ id: string; externalId: string | null }[]>;
  /** Writes what belongs to the inserted records (an observation's source links) before they are read back. */
  link?: (batch: R[]) => Promise<void>;
  /** The inserted records as the API shows them: their revisions keep exactly that. */
  load: (ids: string[]) => Promise<{ id: string; workspaceId: string; revision: number }[]>;
}

async function insertInBatches<R extends { externalId: string }>(
  options: InsertImportedOptions<R>,
  steps: BatchSteps<R>,
): Promise<void> {
  for (const batch of inBatches(options.records, RECORDS_PER_BATCH)) {
    const rows = await steps.insert(batch);
    if (rows.length !== batch.length)
      throw new Error(`insert of ${batch.length} ${steps.kind}s returned ${rows.length}`);
    for (const row of rows) if (row.externalId) steps.ids.set(row.externalId, row.id);
    await steps.link?.(batch);
    await recordEvidenceRevisions({
      db: options.tx,
      kind: steps.kind,
      records: await steps.load(rows.map((row) => row.id)),
      action: "imported",
      actorUserId: options.actorUserId,
    });
  }
}

const stampOf = (options: InsertImportedOptions<unknown>) => ({
  workspaceId: options.workspaceId,
  createdBy: options.actorUserId,
  updatedBy: options.actorUserId,
});

/** Creates an import's new sources, each with its `imported` revision. */
export async function insertImportedSources(
  options: InsertImportedOptions<ImportedRecord<CreateSourceInput>>,
): Promise<void> {
  const { tx, workspaceId } = options;
  await insertInBatches(options, {
    kind: "source",
    ids: options.sourceIds,
    insert: (batch) =>
      tx
        .insert(sources)
        .values(batch.map((record) => ({ ...record.input, ...stampOf(options) })))
        .returning({ id: sources.id, externalId: sources.externalId }),
    load: (ids) => loadSourceDtos(tx, workspaceId, inArray(sources.id, ids)),
  });
}

/** Creates an import's new sites (their facts citing library sources), each with its `imported` revision. */
export async function insertImportedSites(options: InsertImportedOptions<ImportedSite>): Promise<void> {
  const { tx, workspaceId, sourceIds } = options;
  await insertInBatches(options, {
    kind: "site",
    ids: options.siteIds,
    insert: (batch) =>
      tx
        .insert(sites)
        .values(
          batch.map((record) => {
            const facts = record.facts.map((fact) => ({
              text: fact.text,
              sourceIds: fact.sourceRefs.map((ref) => sourceIds.get(ref) as string),
            }));
            return { ...record.input, facts, ...stampOf(options) };
          }),
        )
        .returning({ id: sites.id, externalId: sites.externalId }),
    load: (ids) => loadSiteDtos(tx, workspaceId, inArray(sites.id, ids)),
  });
}

/** Creates an import's new observations with their site, sources and retraction, each with its `imported` revision. */
export async function insertImportedObservations(options: InsertImportedOptions<ImportedObservation>): Promise<void> {
  const { tx, workspaceId, actorUserId, sourceIds, siteIds } = options;
  const observationIds = new Map<string, string>();
  const linked = (record: ImportedObservation) =>
    record.sourceRefs.map((ref) => ({
      id: sourceIds.get(ref) as string,
      attributedTo: record.sourceAttributions[ref] ?? null,
    }));
  await insertInBatches(options, {
    kind: "observation",
    ids: observationIds,
    insert: (batch) =>
      tx
        .insert(observations)
        .values(
          batch.map((record) => {
            const columns = observationColumns({
              ...record.input,
              siteId: record.siteRef ? siteIds.get(record.siteRef) : null,
              sourceIds: linked(record),
            });
            const retraction = record.retractionReason
              ? { retractedAt: sql`now()`, retractedBy: actorUserId, retractionReason: record.retractionReason }
              : {};
            return { ...columns, ...retraction, ...stampOf(options) };
          }),
        )
        .returning({ id: observations.id, externalId: observations.externalId }),
    link: async (batch) => {
      const rows = batch.flatMap((record) =>
        observationSourceRows(observationIds.get(record.externalId) as string, linked(record)),
      );
      for (const links of inBatches(rows, LINKS_PER_INSERT)) await tx.insert(observationSources).values(links);
    },
    load: (ids) => loadObservationDtos(tx, workspaceId, inArray(observations.id, ids)),
  });
}
