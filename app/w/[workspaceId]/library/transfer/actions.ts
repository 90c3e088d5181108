"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { AppError } from "@/lib/errors";
import { requireSessionActor } from "@/server/auth/session";
import { observationsFromCsv } from "@/server/evidence/evidence-csv";
import type { EvidenceFile } from "@/server/evidence/evidence-file";
import { MAX_IMPORT_BYTES } from "@/server/evidence/evidence-http";
import { type ImportEvidenceResult, importEvidence } from "@/server/evidence/import-evidence";
import { actionError } from "../../../../_lib/action-result";
import { libraryPath } from "../_lib/library-action";

/** What the upload form shows after an import: how many records were created and how many were already there. */
export type ImportState = ActionState<{ result: ImportEvidenceResult; fileName: string }>;

function refuse(message: string): never {
  throw new AppError("bad_request:import", message, { fields: { file: [message] } });
}

/** The uploaded file as the interchange format: a CSV of observations, or a JSON library. */
async function readUpload(formData: FormData): Promise<{ file: EvidenceFile; fileName: string }> {
  const upload = formData.get("file");
  if (!(upload instanceof File) || upload.size === 0) refuse("Choose a JSON or CSV file to import.");
  if (upload.size > MAX_IMPORT_BYTES) {
    refuse(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`);
  }
  const text = await upload.text();
  const isCsv = upload.name.toLowerCase().endsWith(".csv") || upload.type.startsWith("text/csv");
  if (isCsv) return { file: { observations: observationsFromCsv(text) }, fileName: upload.name };
  try {
    return { file: JSON.parse(text) as EvidenceFile, fileName: upload.name };
  } catch {
    return refuse(`${upload.name} is not valid JSON. Upload a library JSON file or a CSV of observations.`);
  }
}

/**
 * Imports an uploaded library file (owners and analysts) in one transaction: any invalid record
 * refuses the whole file with a message per record, and records already in the library are left
 * as they are, so uploading the same file twice creates nothing the second time.
 */
export async function importLibraryAction(
  workspaceId: string,
  _state: ImportState,
  formData: FormData,
): Promise<ImportState> {
  const actor = await requireSessionActor(libraryPath(workspaceId, "/transfer"));
  try {
    const { file, fileName } = await readUpload(formData);
    const result = await importEvidence({ actor, workspaceId, file });
    revalidatePath(libraryPath(workspaceId), "layout");
    return { status: "success", message: `Imported ${fileName}.`, data: { result, fileName } };
  } catch (error) {
    return actionError(error);
  }
}
