import { createSiteInput } from "@/lib/schemas/evidence";
import { createSite } from "@/server/evidence/create-site";
import { recordResponse } from "@/server/evidence/evidence-http";
import { listSites } from "@/server/evidence/list-sites";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string };

/** The workspace's sites (any member). */
export const GET = apiRoute<Params>(async ({ params, actor }) => listSites({ actor, workspaceId: params.workspaceId }));

/** Adds a site (owners and analysts); the ETag is its revision. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(createSiteInput, await readJsonBody(request));
  return recordResponse(await createSite({ actor, workspaceId: params.workspaceId, input }), 201);
});
