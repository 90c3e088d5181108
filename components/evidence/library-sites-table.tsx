import Link from "next/link";
import { COORDINATE_PRECISION_LABELS } from "@/lib/evidence";
import type { SiteDto } from "@/lib/schemas/evidence";
import { TableHead } from "../ui/table-head";

/** "45.8547° N, 40.1253° E": coordinates as people read them. */
export function formatCoordinates(latitude: number, longitude: number): string {
  const lat = `${Math.abs(latitude).toFixed(4)}° ${latitude >= 0 ? "N" : "S"}`;
  const lon = `${Math.abs(longitude).toFixed(4)}° ${longitude >= 0 ? "E" : "W"}`;
  return `${lat}, ${lon}`;
}

/** The library's sites: name (to the site's page), type, country, coordinates and how precise they are. */
export function LibrarySitesTable({
  workspaceId,
  sites,
  canWrite,
}: {
  workspaceId: string;
  sites: SiteDto[];
  /** Show an Edit link per site (owners and analysts). */
  canWrite: boolean;
}) {
  const base = `/w/${workspaceId}/library/sites`;
  const columns = ["Site", "Type", "Country", "Coordinates", ...(canWrite ? [{ label: "Actions", hidden: true }] : [])];
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Sites, by name</caption>
        <TableHead dense columns={columns} />
        <tbody className="divide-y divide-slate-100">
          {sites.map((site) => (
            <tr key={site.id} className="hover:bg-slate-50">
              <th scope="row" className="max-w-md px-4 py-3 align-top font-normal">
                <Link
                  href={`${base}/${site.id}`}
                  className="font-medium text-slate-900 hover:text-accent-700 hover:underline"
                >
                  {site.name}
                </Link>
                {site.region ? <p className="text-slate-600">{site.region}</p> : null}
              </th>
              <td className="px-4 py-3 align-top text-slate-700">{site.type || "—"}</td>
              <td className="px-4 py-3 align-top text-slate-700">{site.country ?? "—"}</td>
              <td className="px-4 py-3 align-top text-slate-700">
                {site.latitude !== null && site.longitude !== null ? (
                  <>
                    <span className="whitespace-nowrap font-mono text-xs">
                      {formatCoordinates(site.latitude, site.longitude)}
                    </span>
                    {site.coordinatePrecision ? (
                      <p className="text-xs text-slate-500">{COORDINATE_PRECISION_LABELS[site.coordinatePrecision]}</p>
                    ) : null}
                  </>
                ) : (
                  <span className="text-slate-400">No coordinates</span>
                )}
              </td>
              {canWrite ? (
                <td className="px-4 py-3 text-right align-top">
                  <Link href={`${base}/${site.id}/edit`} className="text-accent-700 hover:underline">
                    Edit<span className="sr-only"> {site.name}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
