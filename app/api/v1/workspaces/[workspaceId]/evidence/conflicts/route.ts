import { listEvidenceConflictsQuery } from "@/lib/schemas/evidence-conflicts";
import { listEvidenceConflicts } from "@/server/evidence/list-evidence-conflicts";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";

type Params = { workspaceId: string };

/** Value and attribution conflicts among the workspace's observations (any member); `siteId` narrows to one site. */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const query = parseInput(listEvidenceConflictsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return listEvidenceConflicts({ actor, workspaceId: params.workspaceId, ...query });
});
