import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import type { ForecastListItemDto } from "@/lib/schemas/forecasts";
import { likelihoodOf } from "@/lib/standards/icd203";
import { formatBrier, formatPercent, OUTCOME_LABELS, shownForecastBand } from "./format-forecast";

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}

function Band({ forecast }: { forecast: ForecastListItemDto }) {
  const { band, probability } = shownForecastBand(forecast);
  if (!band) return <span className="text-slate-500">no likelihood</span>;
  return (
    <span>
      {likelihoodOf(band).term}
      {probability !== null ? <span className="text-slate-500"> · {formatPercent(probability)}</span> : null}
    </span>
  );
}

/**
 * Forecasts as a table: the judgement (linked to it in its assessment), its band and the
 * probability scored, the resolve-by day and criterion, and once resolved the outcome and Brier score.
 */
export function ForecastTable({
  label,
  forecasts,
  empty,
}: {
  /** Names the table for assistive technology. */
  label: string;
  forecasts: readonly ForecastListItemDto[];
  empty: string;
}) {
  if (forecasts.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  const isResolved = forecasts.some((forecast) => forecast.outcome !== null);
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table aria-label={label} className="w-full text-left text-sm">
        <TableHead
          dense
          columns={["Judgement", "Band", "Resolve by", "Criterion", ...(isResolved ? ["Outcome", "Brier"] : [])]}
        />
        <tbody className="divide-y divide-slate-100">
          {forecasts.map((forecast) => (
            <tr key={`${forecast.assessmentId}/${forecast.judgementId}`} className="align-top">
              <td className="px-4 py-2">
                <Link href={forecast.link} className="text-accent-700 hover:underline">
                  {forecast.statement ? `“${excerpt(forecast.statement)}”` : `${forecast.judgementId} (removed)`}
                </Link>
                <div className="text-xs text-slate-500">{forecast.assessmentTitle}</div>
              </td>
              <td className="px-4 py-2">
                <Band forecast={forecast} />
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                <time dateTime={forecast.resolveBy}>{forecast.resolveBy}</time>
                {forecast.isDue ? <div className="text-xs font-medium text-amber-700">due</div> : null}
              </td>
              <td className="px-4 py-2 text-slate-700">{excerpt(forecast.criterion)}</td>
              {isResolved ? (
                <>
                  <td className="px-4 py-2">{forecast.outcome ? OUTCOME_LABELS[forecast.outcome] : "—"}</td>
                  <td className="px-4 py-2 tabular-nums">{formatBrier(forecast.brierScore)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
