"use client";

import clsx from "clsx";
import { FOCUS_RING } from "@/components/ui/button";
import type { ObservationSearch } from "@/lib/editor/search-observations";
import {
  INFORMATION_CREDIBILITY,
  INFORMATION_CREDIBILITY_GRADES,
  type InformationCredibility,
  SOURCE_RELIABILITY,
  SOURCE_RELIABILITY_GRADES,
  type SourceReliability,
} from "@/lib/standards/admiralty";
import type { WorkspaceEvidence } from "./use-workspace-evidence";

/** The look of the picker's inputs. */
export const PICKER_FIELD = clsx(
  "h-8 w-full rounded border border-slate-300 bg-white px-2 text-sm text-slate-800",
  FOCUS_RING,
);

/**
 * The citation picker's filters: site, observed from/to, and minimum grades. "Cannot be judged"
 * (F, 6) is not offered as a minimum: it is an unknown grade, not the lowest one.
 */
export function CitationPickerFilters({
  evidence,
  search,
  onChange,
}: {
  evidence: WorkspaceEvidence;
  search: ObservationSearch;
  onChange: (change: Partial<ObservationSearch>) => void;
}) {
  return (
    <fieldset className="grid grid-cols-2 gap-2 text-xs sm:grid-cols-5">
      <legend className="sr-only">Filters</legend>
      <label className="sm:col-span-1">
        <span className="text-slate-700">Site</span>
        <select
          value={search.siteId ?? ""}
          onChange={(event) => onChange({ siteId: event.target.value || undefined })}
          className={PICKER_FIELD}
        >
          <option value="">Any site</option>
          {evidence.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-slate-700">Observed from</span>
        <input
          type="date"
          value={search.from ?? ""}
          onChange={(event) => onChange({ from: event.target.value || undefined })}
          className={PICKER_FIELD}
        />
      </label>
      <label>
        <span className="text-slate-700">Observed to</span>
        <input
          type="date"
          value={search.to ?? ""}
          onChange={(event) => onChange({ to: event.target.value || undefined })}
          className={PICKER_FIELD}
        />
      </label>
      <label>
        <span className="text-slate-700">Source at least</span>
        <select
          value={search.minReliability ?? ""}
          onChange={(event) => onChange({ minReliability: (event.target.value || undefined) as SourceReliability })}
          className={PICKER_FIELD}
        >
          <option value="">Any reliability</option>
          {SOURCE_RELIABILITY_GRADES.slice(0, -1).map((grade) => (
            <option key={grade} value={grade}>
              {grade}: {SOURCE_RELIABILITY[grade]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-slate-700">Credibility at least</span>
        <select
          value={search.minCredibility ?? ""}
          onChange={(event) =>
            onChange({
              minCredibility: event.target.value ? (Number(event.target.value) as InformationCredibility) : undefined,
            })
          }
          className={PICKER_FIELD}
        >
          <option value="">Any credibility</option>
          {INFORMATION_CREDIBILITY_GRADES.slice(0, -1).map((grade) => (
            <option key={grade} value={grade}>
              {grade}: {INFORMATION_CREDIBILITY[grade]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
