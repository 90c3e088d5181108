import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { canRecordOutcome, dayAfter } from "@/lib/forecasts/forecast-days";
import { FORECAST_OUTCOMES, type ForecastDto } from "@/lib/schemas/forecasts";
import { type ForecastResult, resolveForecast } from "./forecast-requests";
import { OUTCOME_LABELS } from "./format-forecast";
import { SmallField } from "./small-field";

type Outcome = (typeof FORECAST_OUTCOMES)[number];

/**
 * Records how a forecast turned out (owners and reviewers); the score is frozen once sent.
 * Before the resolve-by day has passed it offers only "happened" (the criterion was met early)
 * and "annulled": "did not happen" is not known yet. The server applies the same rule.
 */
export function ForecastOutcomeForm({
  assessmentId,
  judgementId,
  resolveBy,
  onResolved,
}: {
  assessmentId: string;
  judgementId: string;
  /** The forecast's resolve-by day (UTC), which decides whether "did not happen" is known yet. */
  resolveBy: string;
  onResolved: (forecast: ForecastDto) => void;
}) {
  const outcomes = FORECAST_OUTCOMES.filter((value) => canRecordOutcome(value, resolveBy));
  const isEarly = outcomes.length < FORECAST_OUTCOMES.length;
  const [outcome, setOutcome] = useState<Outcome>("happened");
  const [note, setNote] = useState("");
  const [isPending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Extract<ForecastResult, { ok: false }> | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setRefusal(null);
    const result = await resolveForecast(assessmentId, judgementId, { outcome, note: note || undefined });
    setPending(false);
    if (!result.ok) setRefusal(result);
    else if (result.forecast) onResolved(result.forecast);
  }

  return (
    <form
      onSubmit={handleSubmit}
      aria-label="Record the outcome"
      className="space-y-1.5 border-t border-slate-100 pt-2"
    >
      <SmallField label="Outcome" errors={refusal?.fields?.outcome}>
        {(props) => (
          <select {...props} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            {outcomes.map((value) => (
              <option key={value} value={value}>
                {OUTCOME_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      </SmallField>
      <SmallField label="Note (optional)" errors={refusal?.fields?.note}>
        {(props) => <input {...props} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </SmallField>
      {refusal ? (
        <p role="alert" className="text-xs text-red-800">
          <span className="font-medium">Not recorded: </span>
          {refusal.message} {refusal.fields?.[""]?.join(" ") ?? refusal.fields?.pointEstimate?.join(" ") ?? ""}
        </p>
      ) : null}
      <Button type="submit" size="sm" variant="primary" disabled={isPending}>
        {isPending ? "Recording…" : "Record outcome"}
      </Button>
      {isEarly ? (
        <p className="text-[0.7rem] text-slate-600">
          Before {resolveBy} has passed: record “happened” if the criterion is already met, or annul it. “Did not
          happen” can be recorded from {dayAfter(resolveBy)}.
        </p>
      ) : null}
      <p className="text-[0.7rem] text-slate-500">Final: the band, probability and Brier score are frozen.</p>
    </form>
  );
}
