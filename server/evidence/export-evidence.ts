import { getDatabase } from "@/db/client";
import type { Actor } from "../auth/actor";
import { observationsToCsv } from "./evidence-csv";
import { loadObservationDtos, loadSiteDtos, loadSourceDtos } from "./evidence-dtos";
import { fileIdsOf, observationToFile, siteToFile, sourceToFile } from "./evidence-file-records";
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
  const fileIdOf = fileIdsOf(sourceList);
  return {
    dataset: "parallax_evidence_library",
    version: "1.0",
    exported_at: new Date().toISOString(),
    sources: sourceList.map(sourceToFile),
    sites: siteList.map((site) => siteToFile(site, fileIdOf)),
    observations: observationList.map(observationToFile),
  };
}

/** The library's observations as CSV (see evidence-csv.ts for the columns). */
export async function exportEvidenceCsv(options: ExportEvidenceOptions): Promise<string> {
  const db = getDatabase();
  await requireEvidenceAccess({ db, actor: options.actor, workspaceId: options.workspaceId, kind: "observation" });
  return observationsToCsv(await loadObservationDtos(db, options.workspaceId));
}
