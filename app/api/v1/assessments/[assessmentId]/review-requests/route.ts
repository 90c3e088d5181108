import { requestReviewInput } from "@/lib/schemas/lifecycle";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { getLifecycle } from "@/server/lifecycle/get-lifecycle";
import { listReviewRequests } from "@/server/lifecycle/list-review-requests";
import { requestReview } from "@/server/lifecycle/request-review";

type Params = { assessmentId: string };

/** Who was asked to review the assessment, in the order they were asked. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listReviewRequests({ actor, assessmentId: params.assessmentId }),
);

/** Asks reviewers to review (draft → in_review, or more reviewers while in review); owners and analysts. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(requestReviewInput, await readJsonBody(request));
  await requestReview({ actor, assessmentId: params.assessmentId, reviewerIds: input.reviewerIds });
  return Response.json(await getLifecycle({ actor, assessmentId: params.assessmentId }), { status: 201 });
});
