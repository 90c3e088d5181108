import { listForecastsQuery } from "@/lib/schemas/forecasts";
import { listForecasts } from "@/server/forecasts/list-forecasts";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";

type Params = { workspaceId: string };

/** The workspace's forecasts that are due for resolution, open or resolved (any member). */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const query = parseInput(listForecastsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return listForecasts({ actor, workspaceId: params.workspaceId, state: query.state });
});
