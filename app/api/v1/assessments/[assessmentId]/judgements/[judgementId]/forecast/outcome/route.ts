import { recordForecastOutcomeInput } from "@/lib/schemas/forecasts";
import { recordForecastOutcome } from "@/server/forecasts/record-forecast-outcome";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { assessmentId: string; judgementId: string };

/** Records how the judgement's forecast turned out, freezing its score (owners and reviewers). */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(recordForecastOutcomeInput, await readJsonBody(request));
  return recordForecastOutcome({ actor, ...params, input });
});
