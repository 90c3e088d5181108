import { listEvidenceRevisions } from "@/server/evidence/list-evidence-revisions";
import { apiRoute } from "@/server/http/api-route";

type Params = { workspaceId: string; siteId: string };

/** Every version of the site, newest first. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listEvidenceRevisions({ actor, workspaceId: params.workspaceId, kind: "site", recordId: params.siteId }),
);
