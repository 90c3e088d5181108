import { COORDINATE_PRECISION_LABELS } from "@/lib/evidence";
import type { SiteDto } from "@/lib/schemas/evidence";
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
