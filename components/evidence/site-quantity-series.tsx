import Link from "next/link";
import { canonicalUnit } from "@/lib/quantity-units";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { Badge } from "../ui/badge";
import { TableHead } from "../ui/table-head";
import { formatObservedDate, recordLabel } from "./evidence-format";
import { QuantityChart, type QuantityPoint } from "./quantity-chart";

/** All values of one metric in one unit at a site, oldest first. */
export interface QuantitySeries {
  metric: string;
  /** The canonical unit of every point (`canonicalUnit`), null when none was given. */
  unit: string | null;
  points: QuantityPoint[];
}

/** `rail_cars` → "Rail cars". */
export function metricLabel(metric: string): string {
  const words = metric.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The site's numeric quantities grouped by metric (by name) and unit, each series in observed
 * order: values in different units are never drawn on one axis or joined by one line ("t" and
 * "tonnes" are one unit, kg another; nothing is converted).
 */
export function buildQuantitySeries(observations: readonly ObservationDto[]): QuantitySeries[] {
  const byMetric = new Map<string, { metric: string; unit: string | null; points: QuantityPoint[] }>();
  for (const observation of observations) {
    for (const quantity of observation.quantities) {
      const unit = canonicalUnit(quantity.unit);
      const key = `${quantity.metric}\u0000${unit ?? ""}`;
      const series = byMetric.get(key) ?? { metric: quantity.metric, unit, points: [] };
      const { points } = series;
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
      byMetric.set(key, series);
    }
  }
  return [...byMetric.values()]
    .map((series) => ({
      ...series,
      points: series.points.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)),
    }))
    .sort((a, b) => a.metric.localeCompare(b.metric) || (a.unit ?? "").localeCompare(b.unit ?? ""));
}

/** "Ammo (t)", "Rail cars": the series' heading and axis label, with its unit when it has one. */
export function seriesLabel(series: Pick<QuantitySeries, "metric" | "unit">): string {
  return series.unit ? `${metricLabel(series.metric)} (${series.unit})` : metricLabel(series.metric);
}

/** A React key and element id for a series, unique per metric and unit. */
export function seriesKey(series: Pick<QuantitySeries, "metric" | "unit">): string {
  const unit = series.unit ? `-${series.unit.replace(/[^a-z0-9]+/gi, "_")}` : "";
  return `${series.metric}${unit}`;
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
  const label = seriesLabel(series);
  const headingId = `series-${seriesKey(series)}`;
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
