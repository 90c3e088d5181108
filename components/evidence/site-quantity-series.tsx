import Link from "next/link";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { Badge } from "../ui/badge";
import { TableHead } from "../ui/table-head";
import { formatObservedDate, recordLabel } from "./evidence-format";
import { QuantityChart, type QuantityPoint } from "./quantity-chart";

/** All values of one metric at a site, oldest first. */
export interface QuantitySeries {
  metric: string;
  points: QuantityPoint[];
}

/** `rail_cars` → "Rail cars". */
export function metricLabel(metric: string): string {
  const words = metric.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The site's numeric quantities grouped by metric (by name), each series in observed order. */
export function buildQuantitySeries(observations: readonly ObservationDto[]): QuantitySeries[] {
  const byMetric = new Map<string, QuantityPoint[]>();
  for (const observation of observations) {
    for (const quantity of observation.quantities) {
      const points = byMetric.get(quantity.metric) ?? [];
      points.push({
        observationId: observation.id,
        label: recordLabel(observation),
        period: formatObservedDate(observation.observed),
        precision: observation.observed.precision,
        start: observation.observed.start,
        end: observation.observed.end,
        value: quantity.value,
        unit: quantity.unit,
        approximate: quantity.approximate,
        retracted: observation.retraction !== null,
      });
      byMetric.set(quantity.metric, points);
    }
  }
  return [...byMetric.entries()]
    .map(([metric, points]) => ({
      metric,
      points: points.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)),
    }))
    .sort((a, b) => a.metric.localeCompare(b.metric));
}

function valueText(point: QuantityPoint): string {
  return `${point.approximate ? "≈" : ""}${point.value.toLocaleString("en-US")}${point.unit ? ` ${point.unit}` : ""}`;
}

/**
 * One metric at a site as a chart and the same values as a table, so they can be read without the
 * drawing. Retracted values are kept in the table, marked, and hollow in the chart.
 */
export function SiteQuantitySeries({
  workspaceId,
  siteName,
  series,
}: {
  workspaceId: string;
  siteName: string;
  series: QuantitySeries;
}) {
  const label = metricLabel(series.metric);
  const headingId = `series-${series.metric}`;
  const active = series.points.filter((point) => !point.retracted);
  const summary =
    `${label} at ${siteName}: ` +
    (active.length > 0
      ? active.map((point) => `${valueText(point)} in ${point.period}`).join(", then ")
      : "no values") +
    ".";
  return (
    <figure aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <figcaption className="border-b border-slate-200 px-5 py-3">
        <h4 id={headingId} className="font-semibold text-slate-900">
          {label} <span className="font-mono text-xs font-normal text-slate-500">{series.metric}</span>
        </h4>
        <p className="text-sm text-slate-600">
          Each value spans the period it was observed in; ≈ marks an approximate count.
        </p>
      </figcaption>
      <div className="px-3 pt-3">
        <QuantityChart points={series.points} yLabel={label} summary={summary} />
      </div>
      <div className="relative overflow-x-auto border-t border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{`${label} at ${siteName}, by observed date`}</caption>
          <TableHead dense columns={["Observed", "Value", "Observation"]} />
          <tbody className="divide-y divide-slate-100">
            {series.points.map((point) => (
              <tr key={`${point.observationId}-${point.value}`} className={point.retracted ? "text-slate-500" : ""}>
                <th scope="row" className="px-4 py-2 font-normal whitespace-nowrap">
                  {point.period}
                </th>
                <td className="px-4 py-2 font-mono whitespace-nowrap">
                  {valueText(point)}
                  {point.approximate ? <span className="sr-only"> (approximate)</span> : null}
                </td>
                <td className="px-4 py-2">
                  <Link
                    href={`/w/${workspaceId}/library/observations/${point.observationId}`}
                    className="text-accent-700 hover:underline"
                  >
                    {point.label}
                  </Link>
                  {point.retracted ? (
                    <span className="ml-2">
                      <Badge tone="warning">Retracted</Badge>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
