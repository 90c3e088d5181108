import { apiRoute } from "@/server/http/api-route";
import { publishAssessment } from "@/server/lifecycle/publish-assessment";

type Params = { assessmentId: string };

/** Publishes an approved assessment as its next immutable version (owners only). */
export const POST = apiRoute<Params>(async ({ params, actor }) => {
  const version = await publishAssessment({ actor, assessmentId: params.assessmentId });
  return Response.json(version, {
    status: 201,
    headers: { location: `/api/v1/assessments/${params.assessmentId}/versions/${version.number}` },
  });
});
