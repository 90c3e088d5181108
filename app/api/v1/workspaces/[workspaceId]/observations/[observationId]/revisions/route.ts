import { listEvidenceRevisions } from "@/server/evidence/list-evidence-revisions";
import { apiRoute } from "@/server/http/api-route";

type Params = { workspaceId: string; observationId: string };

/** Every version of the observation, newest first. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listEvidenceRevisions({
    actor,
    workspaceId: params.workspaceId,
    kind: "observation",
    recordId: params.observationId,
  }),
);
