import type { Metadata } from "next";
import { SiteList } from "@/components/evidence/site-list";
import { type MapSite, SiteMap } from "@/components/evidence/site-map";
import { summarizeSiteEvidence } from "@/components/evidence/site-map-summary";
import { findEvidenceConflicts } from "@/lib/evidence-conflicts";
import { env } from "@/server/env";
import { listObservations } from "@/server/evidence/list-observations";
import { listSites } from "@/server/evidence/list-sites";
import { loadWorkspacePage } from "../../../../_lib/load-workspace-page";
import { libraryPath } from "../_lib/library-action";

export const metadata: Metadata = { title: "Map of sites" };

/** Every site with coordinates on a map (tiles when reachable, a bundled outline always), with the list beside it. */
export default async function SiteMapPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const path = libraryPath(workspaceId, "/map");
  const { actor } = await loadWorkspacePage(workspaceId, path);
  const [sites, observations] = await Promise.all([
    listSites({ actor, workspaceId }),
    listObservations({ actor, workspaceId }),
  ]);
  // The conflicts of the observations just loaded (retracted ones take no part), not a second load.
  const evidence = summarizeSiteEvidence(observations, findEvidenceConflicts(observations));
  const mapSites: MapSite[] = sites.flatMap((site) =>
    site.latitude !== null && site.longitude !== null && site.coordinatePrecision
      ? [
          {
            id: site.id,
            name: site.name,
            latitude: site.latitude,
            longitude: site.longitude,
            precision: site.coordinatePrecision,
            href: libraryPath(workspaceId, `/sites/${site.id}`),
            series: evidence.get(site.id)?.series ?? [],
            conflictCount: evidence.get(site.id)?.conflictCount ?? 0,
          },
        ]
      : [],
  );
  const { mapTileUrl, MAP_TILE_ATTRIBUTION } = env();

  return (
    <section aria-labelledby="map-heading" className="space-y-4">
      <div>
        <h2 id="map-heading" className="text-lg font-semibold text-slate-900">
          Map of sites
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Each site is a dot with a shaded circle as wide as its coordinates are uncertain (exact, about 1 km, about 10
          km, or a town&apos;s position); an amber dot has conflicts between sources. Select a dot for the site&apos;s
          name, its latest quantities (e.g. rail cars ≈60 → ≈50) and its page; the list beside the map has the same
          sites.
        </p>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <SiteMap
          label={`Map of ${mapSites.length} sites`}
          sites={mapSites}
          tileUrl={mapTileUrl}
          tileAttribution={MAP_TILE_ATTRIBUTION}
        />
        <SiteList workspaceId={workspaceId} sites={sites} />
      </div>
    </section>
  );
}
