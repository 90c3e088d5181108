import { apiRoute } from "@/server/http/api-route";
import { listJudgements } from "@/server/judgements/list-judgements";

type Params = { assessmentId: string };

/** The assessment's judgements in document order, as projected from its text. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listJudgements({ actor, assessmentId: params.assessmentId }),
);
