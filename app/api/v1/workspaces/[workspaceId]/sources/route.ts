import { createSourceInput } from "@/lib/schemas/evidence";
import { createSource } from "@/server/evidence/create-source";
import { recordResponse } from "@/server/evidence/evidence-http";
import { listSources } from "@/server/evidence/list-sources";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string };

/** The workspace's sources (any member). */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listSources({ actor, workspaceId: params.workspaceId }),
);

/** Adds a source (owners and analysts); the ETag is its revision. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(createSourceInput, await readJsonBody(request));
  return recordResponse(await createSource({ actor, workspaceId: params.workspaceId, input }), 201);
});
