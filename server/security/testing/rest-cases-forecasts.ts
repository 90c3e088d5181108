import { daysFromToday, setTestForecast } from "../../forecasts/forecast-test-helpers";
import { unique } from "./matrix-fixtures";
import type { CellContext, CellRequest, RestCase } from "./rest-case";

const W = "/api/v1/workspaces/{workspaceId}";
const A = "/api/v1/assessments/{assessmentId}";
const F = `${A}/judgements/{judgementId}/forecast`;

/**
 * The shared draft's key judgement, whose forecast is unresolved, for refused calls; for allowed
 * calls that change or consume the forecast, a fresh assessment's (with a forecast when `withForecast`).
 */
const onForecast =
  (options: { withForecast: boolean; body?: () => unknown }) =>
  async ({ world, allowed }: CellContext): Promise<CellRequest> => {
    let assessmentId = world.shared.assessmentId;
    if (allowed) {
      assessmentId = await world.fresh.assessment("draft");
      if (options.withForecast) await setTestForecast(world.team.analyst, assessmentId);
    }
    return { params: { assessmentId, judgementId: "jdg_key" }, body: options.body?.() };
  };

/** How to call the forecast and calibration rows of the matrix. */
export const FORECAST_CASES: Record<string, RestCase> = {
  [`GET ${A}/forecasts`]: ({ world }) => ({ params: { assessmentId: world.shared.assessmentId } }),
  [`GET ${F}`]: ({ world }) => ({ params: { assessmentId: world.shared.assessmentId, judgementId: "jdg_key" } }),
  [`PUT ${F}`]: onForecast({
    withForecast: false,
    body: () => ({
      resolveBy: daysFromToday(180),
      criterion: `Rail cars counted in six months (${unique()})`,
      pointEstimate: 0.7,
    }),
  }),
  [`DELETE ${F}`]: onForecast({ withForecast: true }),
  [`POST ${F}/outcome`]: onForecast({ withForecast: true, body: () => ({ outcome: "happened", note: unique() }) }),
  [`GET ${W}/forecasts`]: ({ world }) => ({ params: { workspaceId: world.team.workspaceId }, query: "?state=due" }),
  [`GET ${W}/calibration`]: ({ world }) => ({ params: { workspaceId: world.team.workspaceId } }),
};
