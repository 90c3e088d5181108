import { versionLabel } from "@/lib/history/version-labels";
import type { VersionSummaryDto } from "@/lib/schemas/lifecycle";
import { buttonClasses } from "../ui/button";

function optionLabel(version: VersionSummaryDto): string {
  return `${versionLabel(version)} — ${version.kind === "published" ? version.title : version.name}`;
}

/**
 * Two versions to compare, as a plain GET form (`?from=N&to=M`) so it works before any script
 * loads and the comparison has an address of its own.
 */
export function CompareForm({
  action,
  versions,
  from,
  to,
}: {
  action: string;
  versions: readonly VersionSummaryDto[];
  from?: string;
  to?: string;
}) {
  const older = from ?? String(versions[1]?.number ?? versions[0]?.number ?? "");
  const newer = to ?? String(versions[0]?.number ?? "current");
  const selectClasses = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
  return (
    <form method="get" action={action} aria-label="Compare two versions" className="flex flex-wrap items-end gap-3">
      <div className="min-w-48 flex-1">
        <label htmlFor="compare-from" className="text-sm font-medium text-slate-800">
          From
        </label>
        <select id="compare-from" name="from" defaultValue={older} className={selectClasses}>
          {versions.map((version) => (
            <option key={version.id} value={version.number}>
              {optionLabel(version)}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-48 flex-1">
        <label htmlFor="compare-to" className="text-sm font-medium text-slate-800">
          To
        </label>
        <select id="compare-to" name="to" defaultValue={newer} className={selectClasses}>
          <option value="current">The current text</option>
          {versions.map((version) => (
            <option key={version.id} value={version.number}>
              {optionLabel(version)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Compare
      </button>
    </form>
  );
}
