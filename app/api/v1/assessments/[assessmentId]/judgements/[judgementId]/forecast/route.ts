import { setForecastInput } from "@/lib/schemas/forecasts";
import { getForecast } from "@/server/forecasts/get-forecast";
import { removeForecast } from "@/server/forecasts/remove-forecast";
import { setForecast } from "@/server/forecasts/set-forecast";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { assessmentId: string; judgementId: string };

/** The judgement's forecast (any member); 404 when it has none. */
export const GET = apiRoute<Params>(async ({ params, actor }) => getForecast({ actor, ...params }));

/** Sets or changes the judgement's forecast while unresolved (owners and analysts). */
export const PUT = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(setForecastInput, await readJsonBody(request));
  return setForecast({ actor, ...params, input });
});

/** Removes the judgement's unresolved forecast (owners and analysts). */
export const DELETE = apiRoute<Params>(async ({ params, actor }) => {
  await removeForecast({ actor, ...params });
});
