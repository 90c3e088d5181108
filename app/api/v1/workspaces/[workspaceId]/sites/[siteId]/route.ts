import { updateSiteInput } from "@/lib/schemas/evidence";
import { recordResponse } from "@/server/evidence/evidence-http";
import { expectedRevision } from "@/server/evidence/evidence-revisions";
import { getSite } from "@/server/evidence/get-site";
import { updateSite } from "@/server/evidence/update-site";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string; siteId: string };

/** One site, with its revision as the ETag. */
export const GET = apiRoute<Params>(async ({ params, actor }) => recordResponse(await getSite({ actor, ...params })));

/** Changes a site made against the revision in If-Match (or `revision`); a stale one is 409 with the current site. */
export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(updateSiteInput, await readJsonBody(request));
  const revision = expectedRevision(request, input.revision);
  return recordResponse(await updateSite({ actor, ...params, input: { ...input, revision } }));
});
