"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { WorkspaceRole } from "@/lib/roles";
import type { ForecastDto } from "@/lib/schemas/forecasts";
import { likelihoodOf } from "@/lib/standards/icd203";
import { ForecastForm } from "./forecast-form";
import { ForecastOutcomeForm } from "./forecast-outcome-form";
import { deleteForecast } from "./forecast-requests";
import { formatBrier, formatPercent, OUTCOME_LABELS, shownForecastBand } from "./format-forecast";

function Summary({ forecast }: { forecast: ForecastDto }) {
  const { band, probability } = shownForecastBand(forecast);
  const isEstimate = forecast.pointEstimate !== null && probability === forecast.pointEstimate;
  return (
    <div className="space-y-0.5 text-xs text-slate-700">
      <p>
        Resolves by <time dateTime={forecast.resolveBy}>{forecast.resolveBy}</time>
        {forecast.isDue ? <span className="font-medium text-amber-700"> · due for resolution</span> : null}
      </p>
      <p className="text-slate-600">“{forecast.criterion}”</p>
      {band && probability !== null ? (
        <p>
          Scored as {likelihoodOf(band).term}, {formatPercent(probability)}
          {isEstimate ? " (point estimate)" : " (band midpoint)"}
          {forecast.isDue ? ", as the judgement stood when its day ended" : null}
        </p>
      ) : forecast.isDue ? (
        <p>The judgement had no likelihood when its day ended: only an annulment can resolve it.</p>
      ) : null}
      {forecast.isDue && forecast.likelihood && forecast.likelihood !== forecast.closingLikelihood ? (
        <p className="text-slate-600">
          The text says {likelihoodOf(forecast.likelihood).term} now; changes after the day do not count.
        </p>
      ) : null}
      {forecast.outcome ? (
        <p className="font-medium text-slate-900">
          {OUTCOME_LABELS[forecast.outcome]} · Brier {formatBrier(forecast.brierScore)}
          {forecast.outcomeNote ? <span className="font-normal text-slate-600"> · {forecast.outcomeNote}</span> : null}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The "Forecast" control of one judgement: what it forecasts and, once resolved, its outcome and
 * Brier score. Owners and analysts set, edit or remove it until its resolve-by day has passed (it
 * is closed then, and scored as it stood); owners and reviewers record the outcome. The server
 * decides in the end and its refusals are shown as they come.
 */
export function ForecastControl({
  assessmentId,
  judgementId,
  initialForecast,
  role,
  callerEdited = false,
}: {
  assessmentId: string;
  judgementId: string;
  /** The judgement's forecast as the assessment's forecasts were last loaded (null: none). */
  initialForecast: ForecastDto | null;
  role: WorkspaceRole | null;
  /** Whether this user ever edited the judgement: then someone else records its outcome (four eyes). */
  callerEdited?: boolean;
}) {
  const [forecast, setForecast] = useState<ForecastDto | null>(initialForecast);
  const [isEditing, setEditing] = useState(false);
  // The panel reloads the forecasts whenever anyone changes one: show each newer load, except
  // over a form this user is filling in. A load seen before this user's own save is older than it.
  const [seenInitial, setSeenInitial] = useState(initialForecast);
  if (initialForecast !== seenInitial && !isEditing) {
    setSeenInitial(initialForecast);
    setForecast(initialForecast);
  }
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const canWrite = role === "owner" || role === "analyst";
  const canResolve = role === "owner" || role === "reviewer";

  async function handleRemove() {
    const result = await deleteForecast(assessmentId, judgementId);
    if (result.ok) {
      setForecast(null);
      setSeenInitial(initialForecast);
    }
    setError(result.ok ? "" : result.message);
    setMessage(result.ok ? "Forecast removed." : "");
  }

  if (!forecast && !canWrite) return null;
  const isOpen = forecast !== null && forecast.outcome === null;
  return (
    <details className="mt-2 rounded border border-slate-100 bg-slate-50 p-1.5 text-xs" open={isEditing || undefined}>
      <summary className="cursor-pointer font-medium text-slate-800">
        Forecast{forecast ? (forecast.outcome ? ": resolved" : forecast.isDue ? ": due" : ": open") : ""}
      </summary>
      <div className="mt-1.5 space-y-2">
        {forecast && !isEditing ? <Summary forecast={forecast} /> : null}
        {isEditing ? (
          <ForecastForm
            assessmentId={assessmentId}
            judgementId={judgementId}
            forecast={forecast}
            likelihood={forecast?.likelihood ?? null}
            onSaved={(saved) => {
              setForecast(saved);
              setSeenInitial(initialForecast);
              setEditing(false);
              setMessage("Forecast saved.");
            }}
            onCancel={() => setEditing(false)}
          />
        ) : canWrite && (forecast === null || (isOpen && !forecast.isDue)) ? (
          <div className="flex flex-wrap gap-1.5">
            <Button size="sm" onClick={() => setEditing(true)}>
              {forecast ? "Edit forecast" : "Make this a forecast"}
            </Button>
            {forecast ? (
              <Button size="sm" variant="ghost" onClick={() => void handleRemove()}>
                Remove
              </Button>
            ) : null}
          </div>
        ) : null}
        {isOpen && canResolve && !isEditing && callerEdited ? (
          <p className="text-xs text-slate-600">
            You edited this judgement, so someone else records how its forecast turned out.
          </p>
        ) : null}
        {isOpen && canResolve && !isEditing && !callerEdited ? (
          <ForecastOutcomeForm
            assessmentId={assessmentId}
            judgementId={judgementId}
            resolveBy={forecast.resolveBy}
            onResolved={(resolved) => {
              setForecast(resolved);
              setSeenInitial(initialForecast);
              setMessage("Outcome recorded.");
            }}
          />
        ) : null}
        {error ? (
          <p role="alert" className="text-xs text-red-800">
            <span className="font-medium">Not removed: </span>
            {error}
          </p>
        ) : null}
        <p role="status" className="sr-only">
          {message}
        </p>
      </div>
    </details>
  );
}
