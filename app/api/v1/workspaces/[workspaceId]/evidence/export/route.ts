import { exportEvidenceQuery } from "@/lib/schemas/evidence";
import { exportEvidenceCsv, exportEvidenceJson } from "@/server/evidence/export-evidence";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";

type Params = { workspaceId: string };

/** Downloads the library: JSON (everything, importable) or CSV (observations). */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const { format } = parseInput(exportEvidenceQuery, Object.fromEntries(new URL(request.url).searchParams));
  const options = { actor, workspaceId: params.workspaceId };
  if (format === "csv") {
    return new Response(await exportEvidenceCsv(options), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="observations.csv"',
      },
    });
  }
  return Response.json(await exportEvidenceJson(options), {
    headers: { "content-disposition": 'attachment; filename="evidence-library.json"' },
  });
});
