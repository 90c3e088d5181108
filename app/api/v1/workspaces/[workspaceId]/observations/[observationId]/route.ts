import { updateObservationInput } from "@/lib/schemas/evidence";
import { recordResponse } from "@/server/evidence/evidence-http";
import { expectedRevision } from "@/server/evidence/evidence-revisions";
import { getObservation } from "@/server/evidence/get-observation";
import { updateObservation } from "@/server/evidence/update-observation";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string; observationId: string };

/** One observation, with its revision as the ETag. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  recordResponse(await getObservation({ actor, ...params })),
);

/** Changes a observation made against the revision in If-Match (or `revision`); a stale one is 409 with the current observation. */
export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(updateObservationInput, await readJsonBody(request));
  const revision = expectedRevision(request, input.revision);
  return recordResponse(await updateObservation({ actor, ...params, input: { ...input, revision } }));
});
