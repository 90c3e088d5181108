import Link from "next/link";
import { COORDINATE_PRECISION_LABELS } from "@/lib/evidence";
import type { SiteDto, SourceDto } from "@/lib/schemas/evidence";
import { Card, CardHeader } from "../ui/card";
import { DefinitionRows } from "./definition-rows";
import { formatCoordinates } from "./library-sites-table";
import { uncertaintyRadiusLabel } from "./site-precision";

function uncertainty(site: SiteDto): string | null {
  if (!site.coordinatePrecision) return null;
  const radius = uncertaintyRadiusLabel(site.coordinatePrecision);
  return `${COORDINATE_PRECISION_LABELS[site.coordinatePrecision]} (drawn as a circle of ${radius} radius)`;
}

/** A site's fields: where it is and how sure we are of the position, country, region and type. */
export function SiteFacts({ site }: { site: SiteDto }) {
  const hasCoordinates = site.latitude !== null && site.longitude !== null;
  return (
    <Card aria-labelledby="site-facts-heading">
      <CardHeader id="site-facts-heading" title="Details" />
      <DefinitionRows
        rows={[
          {
            label: "Coordinates",
            value: hasCoordinates ? (
              <span className="font-mono text-xs">
                {formatCoordinates(site.latitude as number, site.longitude as number)}
              </span>
            ) : (
              "No coordinates (not shown on the map)"
            ),
          },
          { label: "Coordinate precision", value: uncertainty(site) },
          { label: "Coordinate notes", value: site.coordinateNote },
          { label: "Country", value: site.country },
          { label: "Region", value: site.region },
          { label: "Type", value: site.type },
          { label: "Id in imported file", value: site.externalId },
        ]}
      />
    </Card>
  );
}

/** What sources say about a site (distances, size, identification), each fact with the sources that say it. */
export function SiteSourceFacts({
  workspaceId,
  site,
  sources,
}: {
  workspaceId: string;
  site: SiteDto;
  sources: readonly SourceDto[];
}) {
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  return (
    <section aria-labelledby="site-source-facts-heading" className="space-y-3">
      <h3 id="site-source-facts-heading" className="text-base font-semibold text-slate-900">
        What sources say about the site ({site.facts.length})
      </h3>
      {site.facts.length > 0 ? (
        <ul className="space-y-2 text-sm">
          {site.facts.map((fact, factIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rendered on the server in stored order; two facts may share a text.
            <li key={factIndex} className="rounded-md border border-slate-200 bg-white px-4 py-3">
              <p className="text-slate-900">{fact.text}</p>
              {fact.sourceIds.length > 0 ? (
                <p className="mt-1 text-slate-600">
                  Sources:{" "}
                  {fact.sourceIds.map((id, index) => {
                    const source = sourceById.get(id);
                    return (
                      <span key={id}>
                        {index > 0 ? "; " : ""}
                        <Link
                          href={`/w/${workspaceId}/library/sources/${id}`}
                          className="text-accent-700 hover:underline"
                        >
                          {source ? `${source.externalId ? `${source.externalId} · ` : ""}${source.publisher}` : id}
                        </Link>
                      </span>
                    );
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No facts recorded for this site.</p>
      )}
    </section>
  );
}
