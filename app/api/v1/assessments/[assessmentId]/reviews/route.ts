import { apiRoute } from "@/server/http/api-route";
import { listAssessmentReviews } from "@/server/reviews/list-assessment-reviews";

type Params = { assessmentId: string };

/** The review state of each of the assessment's judgements, in document order. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listAssessmentReviews({ actor, assessmentId: params.assessmentId }),
);
