import { listAssessmentForecasts } from "@/server/forecasts/list-assessment-forecasts";
import { apiRoute } from "@/server/http/api-route";

type Params = { assessmentId: string };

/** Every forecast of the assessment (any member), so that a page needs one request, not one per judgement. */
export const GET = apiRoute<Params>(async ({ params, actor }) => listAssessmentForecasts({ actor, ...params }));
