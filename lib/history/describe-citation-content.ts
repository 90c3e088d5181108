import { formatObservedPeriod, formatQuantityValue } from "../evidence-conflicts";
import type { VersionCitationDto } from "../schemas/lifecycle";

type Quantity = NonNullable<VersionCitationDto["quantities"]>[number];

function metricName(metric: string): string {
  return metric.replace(/_/g, " ");
}

/** "rail cars ≈60 → ≈65", "containers added: 6,700", "rail cars removed (was ≈60)". */
function describeQuantities(before: readonly Quantity[], after: readonly Quantity[]): string[] {
  const byMetric = (quantities: readonly Quantity[]) => {
    const grouped = new Map<string, string[]>();
    for (const quantity of quantities) {
      grouped.set(quantity.metric, [...(grouped.get(quantity.metric) ?? []), formatQuantityValue(quantity)]);
    }
    return grouped;
  };
  const [then, now] = [byMetric(before), byMetric(after)];
  const parts: string[] = [];
  for (const metric of new Set([...then.keys(), ...now.keys()])) {
    const was = then.get(metric)?.join(", ");
    const is = now.get(metric)?.join(", ");
    if (was === is) continue;
    if (was === undefined) parts.push(`${metricName(metric)} added: ${is}`);
    else if (is === undefined) parts.push(`${metricName(metric)} removed (was ${was})`);
    else parts.push(`${metricName(metric)} ${was} → ${is}`);
  }
  return parts;
}

function sourceName(source: VersionCitationDto["sources"][number]): string {
  return source.externalId ? `${source.publisher} (${source.externalId})` : source.publisher;
}

/**
 * What changed in a cited observation's content between two frozen copies of it, as short
 * clauses: its quantities (metric by metric), observed period, site, summary, and the sources it
 * rests on and who they attribute it to. Grades and retraction are described by the review
 * wording; versions frozen before quantities were kept compare none.
 */
export function describeCitationContent(before: VersionCitationDto, after: VersionCitationDto): string[] {
  const parts: string[] = [];
  if (before.quantities && after.quantities) parts.push(...describeQuantities(before.quantities, after.quantities));
  const [was, is] = [formatObservedPeriod(before.observed), formatObservedPeriod(after.observed)];
  if (was !== is) parts.push(`observed ${was} → ${is}`);
  if (before.site !== after.site) parts.push(`site ${before.site ?? "none"} → ${after.site ?? "none"}`);
  if (before.summary !== after.summary) parts.push("summary reworded");
  const thenSources = new Map(before.sources.map((source) => [source.id, source]));
  const nowSources = new Map(after.sources.map((source) => [source.id, source]));
  for (const [id, source] of nowSources) {
    const then = thenSources.get(id);
    if (!then) parts.push(`source added: ${sourceName(source)}`);
    else if (then.attributedTo !== source.attributedTo) {
      parts.push(
        `${sourceName(source)} attributes it to ${source.attributedTo ?? "no one"} (was ${then.attributedTo ?? "no one"})`,
      );
    }
  }
  for (const [id, source] of thenSources) {
    if (!nowSources.has(id)) parts.push(`source removed: ${sourceName(source)}`);
  }
  return parts;
}
