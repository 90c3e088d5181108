import { describeRevisionChanges } from "@/lib/evidence-revisions";
import type { EvidenceRevisionDto } from "@/lib/schemas/evidence";
import { RelativeTime } from "../ui/relative-time";
import { TableHead } from "../ui/table-head";

const ACTION_LABELS: Record<string, string> = {
  created: "Created",
  updated: "Edited",
  retracted: "Retracted",
  imported: "Imported",
  attachment_added: "Image attached",
  attachment_removed: "Image removed",
};

/**
 * Every version of a library record, newest first: which revision, what happened, who, when, what
 * that revision changed (images attached or removed by name), and apart from it what changed in
 * the linked sources' and site's own history in between.
 */
export function RevisionHistory({ revisions }: { revisions: EvidenceRevisionDto[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Revision history, newest first</caption>
        <TableHead dense columns={["Revision", "Action", "By", "When", "Changed"]} />
        <tbody className="divide-y divide-slate-100">
          {revisions.map((revision, index) => {
            const { changed, meanwhile } = describeRevisionChanges(revision.snapshot, revisions[index + 1]?.snapshot);
            return (
              <tr key={revision.revision}>
                <td className="px-4 py-2 font-mono text-slate-600">{revision.revision}</td>
                <td className="px-4 py-2 font-medium text-slate-900">
                  {ACTION_LABELS[revision.action] ?? revision.action}
                </td>
                <td className="px-4 py-2 text-slate-700">{revision.by?.name ?? "An operator"}</td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                  <RelativeTime date={revision.at} />
                </td>
                <td className="px-4 py-2 text-slate-600">
                  {changed.length > 0 ? changed.join(", ") : "—"}
                  {meanwhile.length > 0 ? (
                    <p className="mt-1 text-xs text-slate-500">
                      Meanwhile, in their own records (not this revision): {meanwhile.join("; ")}.
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
