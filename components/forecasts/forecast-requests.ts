import type { FieldErrors } from "@/lib/errors";
import type { ForecastDto, RecordForecastOutcomeInput, SetForecastInput } from "@/lib/schemas/forecasts";

/** The server's answer: the forecast (null after removal or when there is none), or a refusal to show. */
export type ForecastResult =
  | { ok: true; forecast: ForecastDto | null }
  | { ok: false; status: number | null; message: string; fields?: FieldErrors };

function forecastUrl(assessmentId: string, judgementId: string): string {
  return `/api/v1/assessments/${encodeURIComponent(assessmentId)}/judgements/${encodeURIComponent(judgementId)}/forecast`;
}

/** Sends one request (the session cookie authenticates) and reads the server's reason on refusal. */
async function send(url: string, init: RequestInit): Promise<ForecastResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
    });
  } catch {
    return { ok: false, status: null, message: "The server could not be reached. Check the connection and try again." };
  }
  if (response.status === 204) return { ok: true, forecast: null };
  const body = (await response.json().catch(() => null)) as
    | ForecastDto
    | { error?: { message?: string; fields?: FieldErrors } }
    | null;
  if (response.ok) return { ok: true, forecast: body as ForecastDto };
  const error = body && "error" in body ? body.error : undefined;
  return {
    ok: false,
    status: response.status,
    message: error?.message ?? `Not saved (HTTP ${response.status}).`,
    fields: error?.fields,
  };
}

/**
 * Every forecast of the assessment, in one request: asking each judgement would answer 404 for
 * most of them, which the browser logs as an error each time.
 */
export async function loadAssessmentForecasts(assessmentId: string, signal: AbortSignal): Promise<ForecastDto[]> {
  const url = `/api/v1/assessments/${encodeURIComponent(assessmentId)}/forecasts`;
  const response = await fetch(url, { signal, credentials: "same-origin", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as ForecastDto[];
}

/** Sets or changes the forecast (owners and analysts). */
export function saveForecast(assessmentId: string, judgementId: string, input: SetForecastInput) {
  return send(forecastUrl(assessmentId, judgementId), { method: "PUT", body: JSON.stringify(input) });
}

/** Removes an unresolved forecast (owners and analysts). */
export function deleteForecast(assessmentId: string, judgementId: string) {
  return send(forecastUrl(assessmentId, judgementId), { method: "DELETE" });
}

/** Records the outcome (owners and reviewers). */
export function resolveForecast(assessmentId: string, judgementId: string, input: RecordForecastOutcomeInput) {
  return send(`${forecastUrl(assessmentId, judgementId)}/outcome`, { method: "POST", body: JSON.stringify(input) });
}
