import Link from "next/link";
import type { ObservationDto } from "@/lib/schemas/evidence";
import type { InformationCredibility } from "@/lib/standards/admiralty";
import { Badge } from "../ui/badge";
import { TableHead } from "../ui/table-head";
import { formatObservedDate, formatQuantity, PRECISION_LABELS, recordLabel } from "./evidence-format";
import { AdmiraltyGrade } from "./grade-badge";

/** One Admiralty grade per cited source, in citation order. */
export function ObservationGrades({ observation }: { observation: ObservationDto }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Grades">
      {observation.sources.map((source) => (
        <li key={source.id}>
          <AdmiraltyGrade
            reliability={source.reliability}
            credibility={observation.credibility as InformationCredibility}
            source={`${source.externalId ?? ""} ${source.publisher}`.trim()}
          />
        </li>
      ))}
    </ul>
  );
}

/** The observed date as text, with its precision named for screen readers and in a tooltip. */
export function ObservedDate({ observed }: { observed: ObservationDto["observed"] }) {
  return (
    <time
      dateTime={observed.precision === "month" ? observed.start.slice(0, 7) : observed.start}
      title={`${PRECISION_LABELS[observed.precision]}: ${observed.start} to ${observed.end}`}
    >
      {formatObservedDate(observed)}
    </time>
  );
}

/**
 * Observations as a table: id, summary, site, observed date with its precision, quantities,
 * Admiralty grade per source, and a badge on retracted ones (they stay listed, never hidden).
 */
export function ObservationTable({
  workspaceId,
  observations,
  caption,
}: {
  workspaceId: string;
  observations: ObservationDto[];
  caption: string;
}) {
  const library = `/w/${workspaceId}/library`;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <TableHead dense columns={["Id", "Summary", "Site", "Observed", "Quantities", "Grades"]} />
        <tbody className="divide-y divide-slate-100">
          {observations.map((observation) => {
            const isRetracted = observation.retraction !== null;
            return (
              <tr key={observation.id} className={isRetracted ? "bg-slate-50 text-slate-500" : "hover:bg-slate-50"}>
                <th scope="row" className="px-4 py-3 align-top font-medium whitespace-nowrap">
                  <Link
                    href={`${library}/observations/${observation.id}`}
                    className="text-slate-900 hover:text-accent-700 hover:underline"
                  >
                    {recordLabel(observation)}
                  </Link>
                  {isRetracted ? (
                    <div className="mt-1">
                      <Badge tone="warning" title={observation.retraction?.reason}>
                        Retracted
                      </Badge>
                    </div>
                  ) : null}
                </th>
                <td
                  className={`max-w-md px-4 py-3 align-top ${isRetracted ? "line-through decoration-slate-400" : ""}`}
                >
                  <span className="line-clamp-3">{observation.summary}</span>
                </td>
                <td className="px-4 py-3 align-top">
                  {observation.site ? (
                    <Link
                      href={`${library}/sites/${observation.site.id}`}
                      className="hover:text-accent-700 hover:underline"
                    >
                      {observation.site.name}
                    </Link>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td className="px-4 py-3 align-top whitespace-nowrap">
                  <ObservedDate observed={observation.observed} />
                </td>
                <td className="px-4 py-3 align-top">
                  {observation.quantities.length > 0 ? (
                    <ul className="space-y-0.5 font-mono text-xs">
                      {observation.quantities.map((quantity) => (
                        <li key={quantity.metric} className="whitespace-nowrap">
                          {formatQuantity(quantity)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td className="px-4 py-3 align-top">
                  <ObservationGrades observation={observation} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
