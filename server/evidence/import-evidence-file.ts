import { readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import type { Actor } from "../auth/actor";
import { observationsFromCsv } from "./evidence-csv";
import type { EvidenceFile } from "./evidence-file";
import { type ImportEvidenceResult, importEvidence } from "./import-evidence";

export interface ImportEvidenceFileOptions {
  actor: Actor;
  workspaceId: string;
  /** A library JSON file, or a `.csv` of observations. */
  path: string;
}

/** Imports a library file from disk (the CLI's `import FILE`); the format follows the file's extension. */
export async function importEvidenceFile(options: ImportEvidenceFileOptions): Promise<ImportEvidenceResult> {
  let text: string;
  try {
    text = await readFile(options.path, "utf8");
  } catch {
    throw new AppError("not_found:file", `Cannot read ${options.path}.`);
  }
  let file: EvidenceFile;
  if (options.path.toLowerCase().endsWith(".csv")) {
    file = { observations: observationsFromCsv(text) };
  } else {
    try {
      file = JSON.parse(text) as EvidenceFile;
    } catch {
      throw new AppError("bad_request:json", `${options.path} is not valid JSON.`);
    }
  }
  return importEvidence({ actor: options.actor, workspaceId: options.workspaceId, file });
}
