import { listEvidenceRevisions } from "@/server/evidence/list-evidence-revisions";
import { apiRoute } from "@/server/http/api-route";

type Params = { workspaceId: string; sourceId: string };

/** Every version of the source, newest first. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listEvidenceRevisions({ actor, workspaceId: params.workspaceId, kind: "source", recordId: params.sourceId }),
);
