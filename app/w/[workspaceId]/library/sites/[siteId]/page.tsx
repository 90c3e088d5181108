import type { Metadata } from "next";
import Link from "next/link";
import { ConflictList } from "@/components/evidence/conflict-list";
import { ObservationTable } from "@/components/evidence/observation-table";
import { SiteFacts, SiteSourceFacts } from "@/components/evidence/site-details";
import { SiteMap } from "@/components/evidence/site-map";
import { buildQuantitySeries, SiteQuantitySeries, seriesKey } from "@/components/evidence/site-quantity-series";
import { buttonClasses } from "@/components/ui/button";
import { canWriteAssessments } from "@/lib/roles";
import { env } from "@/server/env";
import { getSite } from "@/server/evidence/get-site";
import { listEvidenceConflicts } from "@/server/evidence/list-evidence-conflicts";
import { listObservations } from "@/server/evidence/list-observations";
import { listSources } from "@/server/evidence/list-sources";
import { loadOrNotFound } from "../../../../../_lib/load-or-not-found";
import { loadWorkspacePage } from "../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../_lib/library-action";

export const metadata: Metadata = { title: "Site" };

/** One site: where it is, its quantities over time as charts and tables, its observations and conflicts. */
export default async function SitePage({ params }: { params: Promise<{ workspaceId: string; siteId: string }> }) {
  const { workspaceId, siteId } = await params;
  const sitesPath = libraryPath(workspaceId, "/sites");
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `${sitesPath}/${siteId}`);
  // The site first: it turns a malformed or foreign id into the 404 page before anything else runs.
  const site = await loadOrNotFound(getSite({ actor, workspaceId, siteId }));
  const [observations, conflicts, sources] = await Promise.all([
    listObservations({ actor, workspaceId, siteId }),
    listEvidenceConflicts({ actor, workspaceId, siteId }),
    // Only for the names of the sources the site's facts cite.
    site.facts.length > 0 ? listSources({ actor, workspaceId }) : Promise.resolve([]),
  ]);
  const series = buildQuantitySeries(observations);
  const { mapTileUrl, MAP_TILE_ATTRIBUTION } = env();

  return (
    <article aria-labelledby="site-heading" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href={sitesPath} className="text-sm text-slate-500 hover:underline">
            ← Sites
          </Link>
          <h2 id="site-heading" className="mt-1 text-xl font-semibold text-slate-900">
            {site.name}
          </h2>
        </div>
        {canWriteAssessments(workspace.role) ? (
          <Link href={`${sitesPath}/${siteId}/edit`} className={buttonClasses()}>
            Edit<span className="sr-only"> {site.name}</span>
          </Link>
        ) : null}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <SiteFacts site={site} />
        {site.latitude !== null && site.longitude !== null && site.coordinatePrecision ? (
          <SiteMap
            label={`Map of ${site.name}`}
            sites={[
              {
                id: site.id,
                name: site.name,
                latitude: site.latitude,
                longitude: site.longitude,
                precision: site.coordinatePrecision,
                href: `${sitesPath}/${site.id}`,
              },
            ]}
            tileUrl={mapTileUrl}
            tileAttribution={MAP_TILE_ATTRIBUTION}
            height={320}
            // Regional: enough coastline and borders to place the site even on the bare outline.
            zoom={5}
          />
        ) : null}
      </div>

      <SiteSourceFacts workspaceId={workspaceId} site={site} sources={sources} />

      <section aria-labelledby="series-heading" className="space-y-3">
        <h3 id="series-heading" className="text-base font-semibold text-slate-900">
          Quantities over time
        </h3>
        {series.length > 0 ? (
          <div className="grid gap-4 lg:grid-cols-2">
            {series.map((item) => (
              <SiteQuantitySeries key={seriesKey(item)} workspaceId={workspaceId} siteName={site.name} series={item} />
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-600">No observation of this site reports a number yet.</p>
        )}
      </section>

      <section aria-labelledby="site-conflicts-heading" className="space-y-3">
        <h3 id="site-conflicts-heading" className="text-base font-semibold text-slate-900">
          Conflicts ({conflicts.length})
        </h3>
        <ConflictList
          workspaceId={workspaceId}
          conflicts={conflicts}
          empty="No conflicts: the observations of this site agree where their periods overlap."
        />
      </section>

      <section aria-labelledby="site-observations-heading" className="space-y-3">
        <h3 id="site-observations-heading" className="text-base font-semibold text-slate-900">
          Observations ({observations.length})
        </h3>
        {observations.length > 0 ? (
          <ObservationTable
            workspaceId={workspaceId}
            observations={observations}
            caption={`Observations of ${site.name}`}
          />
        ) : (
          <p className="text-sm text-slate-600">No observation of this site yet.</p>
        )}
      </section>
    </article>
  );
}
