import Link from "next/link";
import { type EvidenceConflict, formatQuantityValue } from "@/lib/evidence-conflicts";
import { Badge } from "../ui/badge";
import { TableHead } from "../ui/table-head";
import { formatObservedDate, recordLabel } from "./evidence-format";
import { metricLabel } from "./site-quantity-series";

function titleOf(conflict: EvidenceConflict): string {
  const [first] = conflict.participants;
  if (!conflict.metric) {
    const label = first ? recordLabel({ id: first.observationId, externalId: first.externalId }) : "An observation";
    return `${label}: its sources name different originators`;
  }
  const where = conflict.site ? ` at ${conflict.site.name}` : "";
  return conflict.kind === "value"
    ? `${metricLabel(conflict.metric)}${where}: values disagree`
    : `${metricLabel(conflict.metric)}${where}: originators disagree`;
}

function Originators({ originators }: { originators: EvidenceConflict["participants"][number]["originators"] }) {
  return (
    <ul className="space-y-1">
      {originators.map((originator) => (
        <li key={originator.name}>
          <span className="font-medium text-slate-900">{originator.name}</span>
          <span className="block text-xs text-slate-600">
            {originator.via
              .map((via) =>
                via.attributed
                  ? `attributed by ${via.externalId ?? via.publisher}`
                  : `published by ${via.externalId ?? via.publisher}`,
              )
              .join("; ")}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One conflict: what disagrees, why it counts as a conflict, and the observations involved. */
function ConflictCard({ workspaceId, conflict }: { workspaceId: string; conflict: EvidenceConflict }) {
  const library = `/w/${workspaceId}/library`;
  const headingId = `conflict-${conflict.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="space-y-1 border-b border-slate-200 px-5 py-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={conflict.kind === "value" ? "warning" : "info"}>
            {conflict.kind === "value" ? "Value conflict" : "Attribution conflict"}
          </Badge>
          {conflict.site ? (
            <Link href={`${library}/sites/${conflict.site.id}`} className="text-sm text-slate-600 hover:underline">
              {conflict.site.name}
            </Link>
          ) : null}
        </div>
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {titleOf(conflict)}
        </h3>
        <p className="text-sm text-slate-700">{conflict.explanation}</p>
      </header>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Observations involved</caption>
          <TableHead dense columns={["Observation", "Observed", "Value", "Originators"]} />
          <tbody className="divide-y divide-slate-100">
            {conflict.participants.map((participant) => (
              <tr key={participant.observationId}>
                <th scope="row" className="max-w-md px-4 py-3 align-top font-normal">
                  <Link
                    href={`${library}/observations/${participant.observationId}`}
                    className="font-medium text-slate-900 hover:text-accent-700 hover:underline"
                  >
                    {recordLabel({ id: participant.observationId, externalId: participant.externalId })}
                  </Link>
                  <p className="line-clamp-3 text-slate-600">{participant.summary}</p>
                </th>
                <td className="px-4 py-3 align-top whitespace-nowrap">
                  {formatObservedDate({ ...participant.observed })}
                </td>
                <td className="px-4 py-3 align-top font-mono whitespace-nowrap">
                  {participant.quantity ? formatQuantityValue(participant.quantity) : "—"}
                </td>
                <td className="px-4 py-3 align-top">
                  <Originators originators={participant.originators} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

/** Conflicts among observations, each with its reason and the observations involved. */
export function ConflictList({
  workspaceId,
  conflicts,
  empty,
}: {
  workspaceId: string;
  conflicts: EvidenceConflict[];
  /** What to say when there is none. */
  empty: string;
}) {
  if (conflicts.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="space-y-4">
      {conflicts.map((conflict) => (
        <li key={conflict.key}>
          <ConflictCard workspaceId={workspaceId} conflict={conflict} />
        </li>
      ))}
    </ul>
  );
}
