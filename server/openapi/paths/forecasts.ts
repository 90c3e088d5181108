import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  calibrationDto,
  forecastDto,
  forecastListDto,
  listForecastsQuery,
  recordForecastOutcomeInput,
  setForecastInput,
} from "@/lib/schemas/forecasts";
import { errorResponses, jsonBody, jsonResponse } from "../registry";

const judgementParams = z.object({
  assessmentId: z.uuid(),
  judgementId: z.string().describe('The judgement block\'s id ("jdg_…").'),
});
const workspaceParams = z.object({ workspaceId: z.uuid() });
const FORECAST = "/api/v1/assessments/{assessmentId}/judgements/{judgementId}/forecast";

/** Forecasts: judgements with a resolve-by day and criterion, their outcomes and calibration. */
export function registerForecastPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/forecasts",
    tags: ["Forecasts"],
    summary: "List an assessment's forecasts",
    description:
      "Any member. Every forecast of the assessment, open or resolved, ordered by judgement id; a judgement without " +
      "one is simply not listed (one request instead of asking each judgement, most of which answer 404).",
    request: { params: z.object({ assessmentId: z.uuid() }) },
    responses: {
      200: jsonResponse("The forecasts.", z.array(forecastDto)),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: FORECAST,
    tags: ["Forecasts"],
    summary: "Get a judgement's forecast",
    description: "Any member. 404 `not_found:forecast` when the judgement is not a forecast.",
    request: { params: judgementParams },
    responses: { 200: jsonResponse("The forecast.", forecastDto), ...errorResponses("unauthorized", "not_found") },
  });
  registry.registerPath({
    method: "put",
    path: FORECAST,
    tags: ["Forecasts"],
    summary: "Set or change a judgement's forecast",
    description:
      "Owners and analysts (403 `forbidden:forecast`). `pointEstimate` (0–1) must lie inside the judgement's current " +
      "ICD 203 band, both ends included (422 `unprocessable:point_estimate` with a field message); without one the " +
      "band's midpoint is scored. A judgement without likelihood is 422 `unprocessable:likelihood`; a resolved " +
      "forecast is 409 `conflict:forecast_resolved`; a judgement not in the text is 404. `resolveBy` must be today " +
      "(UTC) or later (400 `bad_request:resolve_by`), unless it is the day the open forecast already has.",
    request: { params: judgementParams, body: jsonBody(setForecastInput) },
    responses: {
      200: jsonResponse("The forecast as stored.", forecastDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict", "unprocessable"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: FORECAST,
    tags: ["Forecasts"],
    summary: "Remove an unresolved forecast",
    description: "Owners and analysts. A resolved forecast stays on record (409); none at all is 404.",
    request: { params: judgementParams },
    responses: {
      204: { description: "Removed." },
      ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "post",
    path: `${FORECAST}/outcome`,
    tags: ["Forecasts"],
    summary: "Record how a forecast turned out",
    description:
      "Owners and reviewers (403 `forbidden:forecast_outcome`). Freezes the band, the probability scored (point " +
      "estimate, else the band's midpoint), the Brier score (p − o)² (null for `annulled`), the judgement's authors " +
      "and the reviewers whose approval is current. `happened` may be recorded as soon as the criterion is met and " +
      "`annulled` at any time; `did_not_happen` only once the resolve-by day has passed (422 " +
      "`unprocessable:forecast_not_due`). No forecast or judgement 404; already resolved 409; a judgement " +
      "without likelihood, or whose band no longer holds the point estimate, 422. Refusals change nothing.",
    request: { params: judgementParams, body: jsonBody(recordForecastOutcomeInput) },
    responses: {
      200: jsonResponse("The resolved forecast.", forecastDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict", "unprocessable"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/forecasts",
    tags: ["Forecasts"],
    summary: "List the workspace's forecasts",
    description:
      "Any member. `state=due`: unresolved with a resolve-by day before today (UTC), to be resolved; `open` (the " +
      "default): every unresolved one; `resolved`: with outcomes and Brier scores. Each with the judgement's " +
      "statement, the assessment's title and a link.",
    request: { params: workspaceParams, query: listForecastsQuery },
    responses: {
      200: jsonResponse("The forecasts.", forecastListDto),
      ...errorResponses("bad_request", "unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/calibration",
    tags: ["Forecasts"],
    summary: "Calibration of the workspace's resolved forecasts",
    description:
      "Any member. For the workspace, per analyst and per reviewer: the number of scored forecasts, the mean Brier " +
      "score and one bin per ICD 203 band (count, mean predicted probability, observed frequency, mean Brier). " +
      "Annulled forecasts are counted apart and never scored.",
    request: { params: workspaceParams },
    responses: {
      200: jsonResponse("The calibration.", calibrationDto),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
}
