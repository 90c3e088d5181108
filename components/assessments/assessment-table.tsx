import Link from "next/link";
import type { AssessmentSummary } from "@/lib/schemas/assessments";
import { StatusBadge } from "../status-badge";
import { TlpBadge } from "../tlp-badge";
import { RelativeTime } from "../ui/relative-time";
import { TableHead } from "../ui/table-head";

/** Names of the authors, shortened to "A, B and 3 others" so that rows stay one line. */
export function formatAuthors(authors: { name: string }[]): string {
  const names = authors.map((author) => author.name);
  if (names.length === 0) return "—";
  if (names.length <= 3) return names.join(", ");
  return `${names.slice(0, 2).join(", ")} and ${names.length - 2} others`;
}

/** The assessments of a workspace as a table: title, status, marking, last change, authors. */
export function AssessmentTable({
  workspaceId,
  assessments,
  caption,
}: {
  workspaceId: string;
  assessments: AssessmentSummary[];
  caption: string;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <TableHead dense columns={["Title", "Status", "Marking", "Updated", "Authors"]} />
        <tbody className="divide-y divide-slate-100">
          {assessments.map((assessment) => (
            <tr key={assessment.id} className="hover:bg-slate-50">
              <th scope="row" className="max-w-md px-4 py-3 font-medium">
                <Link
                  href={`/w/${workspaceId}/a/${assessment.id}`}
                  className="text-slate-900 hover:text-accent-700 hover:underline"
                >
                  {assessment.title}
                </Link>
              </th>
              <td className="px-4 py-3">
                <StatusBadge status={assessment.status} />
              </td>
              <td className="px-4 py-3">
                <TlpBadge tlp={assessment.tlp} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                <RelativeTime date={assessment.updatedAt} />
              </td>
              <td className="px-4 py-3 text-slate-600">{formatAuthors(assessment.authors)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
