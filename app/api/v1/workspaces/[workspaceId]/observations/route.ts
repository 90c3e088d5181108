import { createObservationInput, listObservationsQuery } from "@/lib/schemas/evidence";
import { createObservation } from "@/server/evidence/create-observation";
import { recordResponse } from "@/server/evidence/evidence-http";
import { listObservationPage, listObservations } from "@/server/evidence/list-observations";
import { apiRoute } from "@/server/http/api-route";
import { pageHeaders } from "@/server/http/page-headers";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string };

/**
 * The workspace's observations (any member), retracted ones marked; filter by text, site, source or
 * status. With `limit` or `page`, one page, its neighbours in a `Link` header and the total in `X-Total-Count`.
 */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const url = new URL(request.url);
  const { limit, page, ...filters } = parseInput(listObservationsQuery, Object.fromEntries(url.searchParams));
  if (limit === undefined && page === undefined) {
    return listObservations({ actor, workspaceId: params.workspaceId, ...filters });
  }
  const result = await listObservationPage({ actor, workspaceId: params.workspaceId, ...filters, limit, page });
  return Response.json(result.observations, { headers: pageHeaders(url, result) });
});

/** Adds a observation (owners and analysts); the ETag is its revision. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(createObservationInput, await readJsonBody(request));
  return recordResponse(await createObservation({ actor, workspaceId: params.workspaceId, input }), 201);
});
