import { changeStatusInput } from "@/lib/schemas/lifecycle";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { changeAssessmentStatus } from "@/server/lifecycle/change-assessment-status";
import { getLifecycle } from "@/server/lifecycle/get-lifecycle";

type Params = { assessmentId: string };

/** The lifecycle: status, the caller's allowed steps, the publish gate, review requests and versions. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  getLifecycle({ actor, assessmentId: params.assessmentId }),
);

/** Marks it approved (gate permitting), withdraws it to draft, or starts a new draft on a published version. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(changeStatusInput, await readJsonBody(request));
  await changeAssessmentStatus({ actor, assessmentId: params.assessmentId, status: input.status });
  return getLifecycle({ actor, assessmentId: params.assessmentId });
});
