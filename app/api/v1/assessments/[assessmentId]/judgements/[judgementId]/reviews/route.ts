import { reviewJudgementInput } from "@/lib/schemas/reviews";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { reviewJudgement } from "@/server/reviews/review-judgement";

type Params = { assessmentId: string; judgementId: string };

/** Approves a judgement or requests changes to it (reviewers and owners). */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(reviewJudgementInput, await readJsonBody(request));
  const review = await reviewJudgement({ ...input, actor, ...params });
  return Response.json(review, { status: 201 });
});
