import { and, eq, isNotNull, sql } from "drizzle-orm";
import { getDatabase, type Transaction } from "@/db/client";
import { observations, sites, sources } from "@/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { CreateSourceInput } from "@/lib/schemas/evidence";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishEvidenceChanged } from "../events/publish-evidence-changed";
import { parseInput } from "../http/parse-input";
import { convertEvidenceFile, type ImportedRecord } from "./convert-evidence-file";
import { type EvidenceFile, evidenceFile } from "./evidence-file";
import { type ExistingRecords, findImportDifferences, type ImportDifference } from "./import-differences";
import { insertImportedObservations, insertImportedSites, insertImportedSources } from "./insert-imported-records";
import { isUniqueViolation } from "./is-unique-violation";
import { describeSource } from "./refuse-duplicate-source-url";
import { requireEvidenceAccess } from "./require-evidence-access";

export interface ImportEvidenceOptions {
  /** An owner or analyst of the workspace. */
  actor: Actor;
  workspaceId: string;
  /** The library in the interchange format (see evidence-file.ts); a parsed CSV becomes `observations`. */
  file: EvidenceFile;
}

/** Per kind: records created, records already in the library, and which of those the file says otherwise. */
export interface ImportCounts {
  created: number;
  existing: number;
  /** Records already in the library whose fields in the file differ from it: not applied, the library keeps its own. */
  differing: ImportDifference[];
}

/** What an import did, per kind. */
export interface ImportEvidenceResult {
  sources: ImportCounts;
  sites: ImportCounts;
  observations: ImportCounts;
  /** Fields of the file's records that the library has no place for, as `<collection>.<field>`: not imported. */
  ignoredFields: string[];
}

/** Ids a file may use for a record already in the library: its external id, or its uuid (exports of records made in the app). */
async function existingIds(
  tx: Transaction,
  table: typeof sources | typeof sites | typeof observations,
  workspaceId: string,
) {
  const rows = await tx
    .select({ id: table.id, externalId: table.externalId })
    .from(table)
    .where(eq(table.workspaceId, workspaceId));
  const ids = new Map<string, string>();
  for (const row of rows) {
    ids.set(row.id, row.id);
    if (row.externalId) ids.set(row.externalId, row.id);
  }
  return ids;
}

function duplicates(collection: string, entries: { index: number; id: string }[], fields: FieldErrors): void {
  const seen = new Set<string>();
  for (const { index, id } of entries) {
    if (seen.has(id)) fields[`${collection}.${index}.id`] = [`${id}: the file lists this id twice.`];
    seen.add(id);
  }
}

/**
 * New sources of the file whose URL is already a library source's, or another new source's of the
 * file: one document is one source (see refuse-duplicate-source-url.ts).
 */
async function refuseDuplicateUrls(
  tx: Transaction,
  workspaceId: string,
  records: ImportedRecord<CreateSourceInput>[],
  knownIds: Map<string, string>,
  fields: FieldErrors,
): Promise<void> {
  const rows = await tx
    .select({ url: sources.url, externalId: sources.externalId, publisher: sources.publisher, title: sources.title })
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), isNotNull(sources.url)));
  const inLibrary = new Map(rows.map((row) => [row.url, row]));
  const inFile = new Map<string, string>();
  for (const { index, externalId, input } of records) {
    if (!input.url || knownIds.has(externalId)) continue;
    const existing = inLibrary.get(input.url);
    const earlier = inFile.get(input.url);
    if (existing) {
      fields[`sources.${index}.url`] = [
        `${externalId}: this URL is already in the library as ${describeSource(existing)}; use that id instead.`,
      ];
    } else if (earlier) {
      fields[`sources.${index}.url`] = [
        `${externalId}: the file gives this URL to ${earlier} too; list the source once.`,
      ];
    }
    inFile.set(input.url, earlier ?? externalId);
  }
}

/**
 * Imports a library file in one transaction: every record is checked first and any error refuses
 * the whole file (400, messages per record). Records whose id is already in the workspace are left
 * as they are, so importing the same file twice creates nothing the second time and never
 * overwrites an analyst's later edits or grades: a file carries no revision to tell an edit from an
 * old copy. Those whose fields in the file differ are listed per record (`differing`), so the
 * edits are never dropped unnoticed.
 */
export async function importEvidence(options: ImportEvidenceOptions): Promise<ImportEvidenceResult> {
  const file = parseInput(evidenceFile, options.file);
  const converted = convertEvidenceFile(file);
  const { fields } = converted;
  duplicates("sources", converted.ids.sources, fields);
  duplicates("sites", converted.ids.sites, fields);
  duplicates("observations", converted.ids.observations, fields);
  const actorUserId = auditActorId(options.actor);
  const { workspaceId } = options;
  const result = await getDatabase()
    .transaction(async (tx) => {
      await requireEvidenceAccess({ db: tx, actor: options.actor, workspaceId, kind: "observation", write: true });
      // Serialises imports into one workspace, so two uploads of the same file cannot both create it.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`evidence-import:${workspaceId}`}))`);
      const sourceIds = await existingIds(tx, sources, workspaceId);
      const siteIds = await existingIds(tx, sites, workspaceId);
      const observationIds = await existingIds(tx, observations, workspaceId);
      const fileSources = new Set(converted.ids.sources.map((r) => r.id));
      const fileSites = new Set(converted.ids.sites.map((r) => r.id));
      await refuseDuplicateUrls(tx, workspaceId, converted.sources, sourceIds, fields);
      for (const { index, id, factSourceRefs } of converted.ids.sites) {
        factSourceRefs.forEach((refs, fact) => {
          const unknown = refs.filter((ref) => !fileSources.has(ref) && !sourceIds.has(ref));
          if (unknown.length > 0) {
            fields[`sites.${index}.facts.${fact}.source_ids`] = [
              `${id}: no source ${unknown.join(", ")} in the file or the library.`,
            ];
          }
        });
      }
      for (const { index, id, siteRef, sourceRefs } of converted.ids.observations) {
        if (siteRef && !fileSites.has(siteRef) && !siteIds.has(siteRef)) {
          fields[`observations.${index}.site_id`] = [`${id}: no site "${siteRef}" in the file or the library.`];
        }
        const unknown = sourceRefs.filter((ref) => !fileSources.has(ref) && !sourceIds.has(ref));
        if (unknown.length > 0) {
          fields[`observations.${index}.source_ids`] = [
            ...(fields[`observations.${index}.source_ids`] ?? []),
            `${id}: no source ${[...new Set(unknown)].join(", ")} in the file or the library.`,
          ];
        }
      }
      if (Object.keys(fields).length > 0) {
        throw new AppError("bad_request:import", "Nothing was imported: some records are not valid.", { fields });
      }
      // Records already in the library are left as they are; only the others are written.
      const split = <R extends { externalId: string }>(records: R[], ids: Map<string, string>) => ({
        existing: records.filter((record) => ids.has(record.externalId)),
        created: records.filter((record) => !ids.has(record.externalId)),
      });
      const records = {
        sources: split(converted.sources, sourceIds),
        sites: split(converted.sites, siteIds),
        observations: split(converted.observations, observationIds),
      };
      const write = { tx, workspaceId, actorUserId, sourceIds, siteIds };
      await insertImportedSources({ ...write, records: records.sources.created });
      await insertImportedSites({ ...write, records: records.sites.created });
      await insertImportedObservations({ ...write, records: records.observations.created });
      const existing: ExistingRecords = {
        sources: records.sources.existing,
        sites: records.sites.existing,
        observations: records.observations.existing,
      };
      const differing = await findImportDifferences(tx, workspaceId, existing, { sourceIds, siteIds, observationIds });
      const countsOf = (kind: keyof typeof records): ImportCounts => ({
        created: records[kind].created.length,
        existing: records[kind].existing.length,
        differing: differing[kind],
      });
      const counts: ImportEvidenceResult = {
        sources: countsOf("sources"),
        sites: countsOf("sites"),
        observations: countsOf("observations"),
        ignoredFields: converted.ignored,
      };
      await recordAuditEvent({
        db: tx,
        workspaceId,
        actorUserId,
        action: "evidence.imported",
        targetType: "workspace",
        targetId: workspaceId,
        data: { ...counts },
      });
      return counts;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new AppError(
          "conflict:import",
          "Another import changed the library at the same time; import the file again.",
        );
      throw error;
    });
  await publishEvidenceChanged({ workspaceId, kind: "library" });
  return result;
}
