import { retractObservationInput } from "@/lib/schemas/evidence";
import { recordResponse } from "@/server/evidence/evidence-http";
import { expectedRevision } from "@/server/evidence/evidence-revisions";
import { retractObservation } from "@/server/evidence/retract-observation";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string; observationId: string };

/** Retracts an observation with a reason; it stays listed and cited, marked retracted. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(retractObservationInput, await readJsonBody(request));
  const revision = expectedRevision(request, input.revision);
  return recordResponse(await retractObservation({ actor, ...params, reason: input.reason, revision }));
});
