import { restoreVersion } from "@/server/history/restore-version";
import { apiRoute } from "@/server/http/api-route";

type Params = { assessmentId: string; number: string };

/** Makes the text what the version froze, as a new change on top (owners and analysts). */
export const POST = apiRoute<Params>(async ({ params, actor }) => {
  const version = await restoreVersion({ actor, assessmentId: params.assessmentId, number: params.number });
  return Response.json(version, {
    status: 201,
    headers: { location: `/api/v1/assessments/${params.assessmentId}/versions/${version.number}` },
  });
});
