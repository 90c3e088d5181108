import { createNamedVersion } from "@/server/history/create-named-version";
import { apiRoute } from "@/server/http/api-route";
import { readJsonBody } from "@/server/http/read-json-body";
import { listAssessmentVersions } from "@/server/lifecycle/list-assessment-versions";
import { refuseVersionChange } from "@/server/lifecycle/refuse-version-change";

type Params = { assessmentId: string };

/** The assessment's frozen versions, newest first (without their contents). */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listAssessmentVersions({ actor, assessmentId: params.assessmentId }),
);

/** Freezes the text as it is now as a named version (owners and analysts). */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const version = await createNamedVersion({
    actor,
    assessmentId: params.assessmentId,
    input: await readJsonBody(request),
  });
  return Response.json(version, {
    status: 201,
    headers: { location: `/api/v1/assessments/${params.assessmentId}/versions/${version.number}` },
  });
});

// Versions are never changed or deleted: 405 for everyone.
export const PUT = refuseVersionChange;
export const PATCH = refuseVersionChange;
export const DELETE = refuseVersionChange;
