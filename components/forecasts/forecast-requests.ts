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

/** The judgement's forecast; a 404 means it has none yet. */
export async function loadForecast(assessmentId: string, judgementId: string): Promise<ForecastResult> {
  const result = await send(forecastUrl(assessmentId, judgementId), { method: "GET" });
  return !result.ok && result.status === 404 ? { ok: true, forecast: null } : result;
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
