import { AppError } from "@/lib/errors";
import { observationsFromCsv } from "@/server/evidence/evidence-csv";
import type { EvidenceFile } from "@/server/evidence/evidence-file";
import { MAX_IMPORT_BYTES, readImportBody } from "@/server/evidence/evidence-http";
import { importEvidence } from "@/server/evidence/import-evidence";
import { apiRoute } from "@/server/http/api-route";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string };

/**
 * Imports a library file: JSON in the example dataset's shape, or (Content-Type text/csv) a CSV of
 * observations. All or nothing; records already in the library are left as they are.
 */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const contentType = request.headers.get("content-type") ?? "";
  let file: EvidenceFile;
  if (contentType.startsWith("text/csv")) {
    const text = await readImportBody(request);
    if (text.trim() === "")
      throw new AppError("bad_request:import", "The CSV file is empty.", {
        fields: { "": ["Send a CSV file with a header row."] },
      });
    file = { observations: observationsFromCsv(text) };
  } else {
    file = (await readJsonBody(request, MAX_IMPORT_BYTES)) as EvidenceFile;
  }
  return importEvidence({ actor, workspaceId: params.workspaceId, file });
});
