import Link from "next/link";
import { versionHeadline, versionKindLabel, versionMention } from "@/lib/history/version-labels";
import type { VersionSummaryDto } from "@/lib/schemas/lifecycle";
import type { FormAction } from "../forms/action-state";
import { Badge } from "../ui/badge";
import { buttonClasses } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { RelativeTime } from "../ui/relative-time";

const KIND_TONES = { published: "success", named: "accent", automatic: "neutral" } as const;

/**
 * An assessment's versions, newest first: number, kind, name, who froze it and when, a link to
 * read it (read-only) and, for writers while the text may change, "Restore".
 */
export function VersionList({
  versions,
  base,
  restoreAction,
}: {
  versions: readonly VersionSummaryDto[];
  /** The assessment page's path; versions open at `${base}/versions/{number}`. */
  base: string;
  /** The restore action for a version, or null when the caller may not restore (role, published, archived). */
  restoreAction: ((number: number) => FormAction) | null;
}) {
  if (versions.length === 0) {
    return <p className="p-5 text-sm text-slate-600">No versions yet. Name one, or send the assessment for review.</p>;
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Versions of this assessment, newest first</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-5 py-2">
              Version
            </th>
            <th scope="col" className="px-2 py-2">
              Kind
            </th>
            <th scope="col" className="px-2 py-2">
              Name
            </th>
            <th scope="col" className="px-2 py-2">
              Saved
            </th>
            <th scope="col" className="px-5 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {versions.map((version) => (
            <tr key={version.id}>
              <th scope="row" className="px-5 py-2 font-medium text-slate-900">
                {version.number}
              </th>
              <td className="px-2 py-2">
                <Badge tone={KIND_TONES[version.kind]}>{versionKindLabel(version.kind)}</Badge>
              </td>
              <td className="px-2 py-2 text-slate-800">{versionHeadline(version)}</td>
              <td className="px-2 py-2 text-slate-600">
                <RelativeTime date={version.createdAt} />
                {version.createdBy ? ` by ${version.createdBy.name}` : null}
              </td>
              <td className="px-5 py-2">
                <div className="flex justify-end gap-2">
                  <Link
                    href={`${base}/versions/${version.number}`}
                    className={buttonClasses({ variant: "ghost", size: "sm" })}
                  >
                    Open<span className="sr-only"> {versionMention(version)}</span>
                  </Link>
                  {restoreAction ? (
                    <ConfirmDialog
                      action={restoreAction(version.number)}
                      triggerLabel={
                        <>
                          Restore<span className="sr-only"> {versionMention(version)}</span>
                        </>
                      }
                      title={`Restore ${versionMention(version)}?`}
                      description="The text becomes what this version froze, as a new change on top: everyone editing sees it at once, and every version stays as it is. The result is saved as a new version."
                      confirmLabel="Restore"
                    />
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
