import { type EvidenceConflict, formatQuantityValue } from "@/lib/evidence-conflicts";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { buildQuantitySeries, seriesLabel } from "./site-quantity-series";

/** What the map says of a site's evidence beside its name. */
export interface SiteEvidenceSummary {
  /** One line per metric and unit: "Rail cars: ≈60 (Feb 2024) → ≈50 (Apr 2024)", active values only. */
  series: string[];
  /** How many conflicts between sources involve the site. */
  conflictCount: number;
}

/** How many of a series' latest values a line shows; older ones are on the site's page. */
const VALUES_SHOWN = 3;

/**
 * Per site, its quantity series as short trend lines (the latest values, oldest first, retracted
 * ones left out) and the number of conflicts that involve it: what a map popup can say at a glance.
 */
export function summarizeSiteEvidence(
  observations: readonly ObservationDto[],
  conflicts: readonly EvidenceConflict[],
): Map<string, SiteEvidenceSummary> {
  const bySite = new Map<string, ObservationDto[]>();
  for (const observation of observations) {
    if (!observation.site) continue;
    const ofSite = bySite.get(observation.site.id);
    if (ofSite) ofSite.push(observation);
    else bySite.set(observation.site.id, [observation]);
  }
  const summaries = new Map<string, SiteEvidenceSummary>();
  for (const [siteId, ofSite] of bySite) {
    const series = buildQuantitySeries(ofSite).flatMap((item) => {
      const active = item.points.filter((point) => !point.retracted).slice(-VALUES_SHOWN);
      if (active.length === 0) return [];
      const more = item.points.filter((point) => !point.retracted).length > VALUES_SHOWN ? "… → " : "";
      return [
        `${seriesLabel(item)}: ${more}${active.map((point) => `${formatQuantityValue(point)} (${point.period})`).join(" → ")}`,
      ];
    });
    summaries.set(siteId, { series, conflictCount: 0 });
  }
  for (const conflict of conflicts) {
    if (!conflict.site) continue;
    const summary = summaries.get(conflict.site.id) ?? { series: [], conflictCount: 0 };
    summary.conflictCount += 1;
    summaries.set(conflict.site.id, summary);
  }
  return summaries;
}
