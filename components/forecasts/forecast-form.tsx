import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { latestResolveBy, todayUtc } from "@/lib/forecasts/forecast-days";
import { bandRange } from "@/lib/forecasts/forecast-scoring";
import type { ForecastDto } from "@/lib/schemas/forecasts";
import { type LikelihoodBand, likelihoodOf } from "@/lib/standards/icd203";
import { type ForecastResult, saveForecast } from "./forecast-requests";
import { SmallField } from "./small-field";

type Refusal = Extract<ForecastResult, { ok: false }>;

/**
 * Sets or edits a judgement's forecast: the resolve-by day, how it resolves, and optionally a
 * probability inside its band. The server checks the band again and explains a refusal.
 */
export function ForecastForm({
  assessmentId,
  judgementId,
  forecast,
  likelihood,
  onSaved,
  onCancel,
}: {
  assessmentId: string;
  judgementId: string;
  /** The forecast being edited, or null for a new one. */
  forecast: ForecastDto | null;
  /** The judgement's band now, when known, to say which point estimates it allows. */
  likelihood: LikelihoodBand | null;
  onSaved: (forecast: ForecastDto) => void;
  onCancel: () => void;
}) {
  const [resolveBy, setResolveBy] = useState(forecast?.resolveBy ?? "");
  const [criterion, setCriterion] = useState(forecast?.criterion ?? "");
  const [estimate, setEstimate] = useState(forecast?.pointEstimate?.toString() ?? "");
  const [isPending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const range = likelihood ? bandRange(likelihood) : null;
  // A day in the past is refused, except the day an open forecast already has (it may have passed since).
  const today = todayUtc();
  const earliest = forecast && forecast.resolveBy < today ? forecast.resolveBy : today;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setRefusal(null);
    const pointEstimate = estimate.trim() === "" ? null : Number(estimate);
    const result = await saveForecast(assessmentId, judgementId, { resolveBy, criterion, pointEstimate });
    setPending(false);
    if (!result.ok) setRefusal(result);
    else if (result.forecast) onSaved(result.forecast);
  }

  return (
    <form onSubmit={handleSubmit} aria-label="Forecast" className="space-y-1.5">
      <SmallField label="Resolve by" errors={refusal?.fields?.resolveBy}>
        {(props) => (
          <input
            {...props}
            type="date"
            required
            min={earliest}
            max={latestResolveBy(today)}
            value={resolveBy}
            onChange={(e) => setResolveBy(e.target.value)}
          />
        )}
      </SmallField>
      <SmallField label="Resolves as happened if…" errors={refusal?.fields?.criterion}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            required
            maxLength={2000}
            value={criterion}
            onChange={(e) => setCriterion(e.target.value)}
          />
        )}
      </SmallField>
      <SmallField
        label="Point estimate (optional, 0–1)"
        hint={
          likelihood && range
            ? `Inside “${likelihoodOf(likelihood).term}”: ${range.min} to ${range.max}. Empty scores the midpoint.`
            : "Empty scores the band's midpoint."
        }
        errors={refusal?.fields?.pointEstimate}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            step="0.01"
            min={range?.min ?? 0}
            max={range?.max ?? 1}
            value={estimate}
            onChange={(e) => setEstimate(e.target.value)}
          />
        )}
      </SmallField>
      {refusal && !refusal.fields?.pointEstimate && !refusal.fields?.criterion && !refusal.fields?.resolveBy ? (
        <p role="alert" className="text-xs text-red-800">
          <span className="font-medium">Not saved: </span>
          {refusal.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-1.5">
        <Button type="submit" size="sm" variant="primary" disabled={isPending}>
          {isPending ? "Saving…" : "Save forecast"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} disabled={isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
