import Link from "next/link";
import { SOURCE_TYPE_LABELS } from "@/lib/evidence";
import type { SourceDto } from "@/lib/schemas/evidence";
import { TableHead } from "../ui/table-head";
import { formatPartialDate } from "./evidence-format";
import { ReliabilityBadge } from "./grade-badge";

/** The library's sources: id, publisher and title, type, reliability grade with its wording, date. */
export function SourceTable({ workspaceId, sources }: { workspaceId: string; sources: SourceDto[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Sources, by publisher</caption>
        <TableHead dense columns={["Source", "Type", "Reliability", "Published"]} />
        <tbody className="divide-y divide-slate-100">
          {sources.map((source) => (
            <tr key={source.id} className="hover:bg-slate-50">
              <th scope="row" className="max-w-xl px-4 py-3 align-top font-normal">
                <Link
                  href={`/w/${workspaceId}/library/sources/${source.id}`}
                  className="font-medium text-slate-900 hover:text-accent-700 hover:underline"
                >
                  {source.externalId ? `${source.externalId} · ` : ""}
                  {source.publisher}
                </Link>
                {source.title ? <p className="line-clamp-2 text-slate-600">{source.title}</p> : null}
              </th>
              <td className="px-4 py-3 align-top text-slate-700">{SOURCE_TYPE_LABELS[source.type]}</td>
              <td className="px-4 py-3 align-top">
                <ReliabilityBadge grade={source.reliability} />
              </td>
              <td className="px-4 py-3 align-top whitespace-nowrap text-slate-600">
                {source.publishedOn ? formatPartialDate(source.publishedOn) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
