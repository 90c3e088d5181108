import Link from "next/link";
import { COORDINATE_PRECISION_LABELS } from "@/lib/evidence";
import type { SiteDto } from "@/lib/schemas/evidence";
import { formatCoordinates } from "./library-sites-table";
import { uncertaintyRadiusLabel } from "./site-precision";

/**
 * The sites of the map as a list, the way to reach them without the map: name (to the site's
 * page), coordinates and their precision; sites without coordinates are listed apart.
 */
export function SiteList({ workspaceId, sites }: { workspaceId: string; sites: SiteDto[] }) {
  const placed = sites.filter((site) => site.latitude !== null && site.longitude !== null);
  const unplaced = sites.filter((site) => site.latitude === null || site.longitude === null);
  const href = (site: SiteDto) => `/w/${workspaceId}/library/sites/${site.id}`;
  return (
    <div className="space-y-4 text-sm">
      <section aria-labelledby="placed-sites-heading">
        <h3 id="placed-sites-heading" className="font-semibold text-slate-900">
          On the map ({placed.length})
        </h3>
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {placed.map((site) => (
            <li key={site.id} className="px-3 py-2">
              <Link href={href(site)} className="font-medium text-slate-900 hover:text-accent-700 hover:underline">
                {site.name}
              </Link>
              <p className="font-mono text-xs text-slate-600">
                {formatCoordinates(site.latitude as number, site.longitude as number)}
              </p>
              {site.coordinatePrecision ? (
                <p className="text-xs text-slate-500">
                  {COORDINATE_PRECISION_LABELS[site.coordinatePrecision]} (±
                  {uncertaintyRadiusLabel(site.coordinatePrecision)})
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {unplaced.length > 0 ? (
        <section aria-labelledby="unplaced-sites-heading">
          <h3 id="unplaced-sites-heading" className="font-semibold text-slate-900">
            Without coordinates ({unplaced.length})
          </h3>
          <ul className="mt-2 space-y-1">
            {unplaced.map((site) => (
              <li key={site.id}>
                <Link href={href(site)} className="text-slate-800 hover:text-accent-700 hover:underline">
                  {site.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
