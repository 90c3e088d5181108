import { updateSourceInput } from "@/lib/schemas/evidence";
import { recordResponse } from "@/server/evidence/evidence-http";
import { expectedRevision } from "@/server/evidence/evidence-revisions";
import { getSource } from "@/server/evidence/get-source";
import { updateSource } from "@/server/evidence/update-source";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string; sourceId: string };

/** One source, with its revision as the ETag. */
export const GET = apiRoute<Params>(async ({ params, actor }) => recordResponse(await getSource({ actor, ...params })));

/** Changes a source made against the revision in If-Match (or `revision`); a stale one is 409 with the current source. */
export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(updateSourceInput, await readJsonBody(request));
  const revision = expectedRevision(request, input.revision);
  return recordResponse(await updateSource({ actor, ...params, input: { ...input, revision } }));
});
