import { getCalibration } from "@/server/forecasts/get-calibration";
import { apiRoute } from "@/server/http/api-route";

type Params = { workspaceId: string };

/** Brier scores and calibration bins of the workspace's resolved forecasts, per analyst and reviewer (any member). */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  getCalibration({ actor, workspaceId: params.workspaceId }),
);
