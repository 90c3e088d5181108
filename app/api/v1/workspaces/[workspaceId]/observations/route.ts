import { createObservationInput, listObservationsQuery } from "@/lib/schemas/evidence";
import { createObservation } from "@/server/evidence/create-observation";
import { recordResponse } from "@/server/evidence/evidence-http";
import { listObservations } from "@/server/evidence/list-observations";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string };

/** The workspace's observations (any member), retracted ones marked; filter by text, site, source or status. */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const query = parseInput(listObservationsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return listObservations({ actor, workspaceId: params.workspaceId, ...query });
});

/** Adds a observation (owners and analysts); the ETag is its revision. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(createObservationInput, await readJsonBody(request));
  return recordResponse(await createObservation({ actor, workspaceId: params.workspaceId, input }), 201);
});
