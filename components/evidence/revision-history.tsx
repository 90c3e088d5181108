import type { EvidenceRevisionDto } from "@/lib/schemas/evidence";
import { RelativeTime } from "../ui/relative-time";
import { TableHead } from "../ui/table-head";

// Bookkeeping that changes with every revision; listing it as "changed" would say nothing.
const META_FIELDS = new Set(["id", "workspaceId", "revision", "createdAt", "createdBy", "updatedAt", "updatedBy"]);

const ACTION_LABELS: Record<string, string> = {
  created: "Created",
  updated: "Edited",
  retracted: "Retracted",
  imported: "Imported",
  attachment_added: "Image attached",
  attachment_removed: "Image removed",
};

/** "reliabilityRationale" → "reliability rationale". */
function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The fields whose values differ between two snapshots of a record. */
export function changedFields(after: Record<string, unknown>, before: Record<string, unknown> | undefined): string[] {
  if (!before) return [];
  const fields = new Set([...Object.keys(after), ...Object.keys(before)]);
  return [...fields]
    .filter((field) => !META_FIELDS.has(field))
    .filter((field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]))
    .map(fieldLabel);
}

/** Every version of a library record, newest first: which revision, what happened, who, when, what changed. */
export function RevisionHistory({ revisions }: { revisions: EvidenceRevisionDto[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Revision history, newest first</caption>
        <TableHead dense columns={["Revision", "Action", "By", "When", "Changed"]} />
        <tbody className="divide-y divide-slate-100">
          {revisions.map((revision, index) => {
            const changed = changedFields(revision.snapshot, revisions[index + 1]?.snapshot);
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
                <td className="px-4 py-2 text-slate-600">{changed.length > 0 ? changed.join(", ") : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
