import { apiRoute } from "@/server/http/api-route";
import { checkTradecraft } from "@/server/judgements/check-tradecraft";

type Params = { assessmentId: string };

/** The tradecraft linter's findings on the assessment's text and its evidence (any member). */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  checkTradecraft({ actor, assessmentId: params.assessmentId }),
);
