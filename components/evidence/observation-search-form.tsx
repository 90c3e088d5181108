"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { INFORMATION_CREDIBILITY_GRADES, SOURCE_RELIABILITY_GRADES } from "@/lib/standards/admiralty";
import { FILTER_CONTROL, FilterActions, FilterField, FilterSelect } from "../forms/filter-field";
import { credibilityText, reliabilityText } from "./grade-badge";

/** The filters as they appear in the URL (`?q=…&from=…`); absent ones are undefined. */
export interface ObservationSearch {
  q?: string;
  siteId?: string;
  from?: string;
  to?: string;
  reliability?: string;
  credibility?: string;
  status?: string;
}

/**
 * Searches the library with a plain GET form: the filters live in the URL, so a search can be
 * bookmarked, shared with a colleague, and survives a live refresh of the page.
 */
export function ObservationSearchForm({
  action,
  values,
  sites,
}: {
  /** The list page's path. */
  action: string;
  values: ObservationSearch;
  sites: { id: string; name: string }[];
}) {
  const router = useRouter();

  // Blank filters are left out of the URL, so that a shared link reads as what it searches for.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value !== "string" || !value.trim() || (name === "status" && value === "all")) continue;
      params.append(name, value.trim());
    }
    router.push(params.size > 0 ? `${action}?${params}` : action);
  }

  return (
    <search aria-label="Search observations" className="mb-6 block">
      <form
        method="get"
        action={action}
        onSubmit={handleSubmit}
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="sm:col-span-2">
          <FilterField label="Text" htmlFor="search-q">
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={values.q}
              className={FILTER_CONTROL}
              maxLength={200}
            />
          </FilterField>
        </div>
        <FilterSelect
          label="Site"
          id="search-site"
          name="siteId"
          value={values.siteId}
          anyLabel="Any site"
          options={sites.map((site) => ({ value: site.id, label: site.name }))}
        />
        <FilterField label="Status" htmlFor="search-status">
          <select id="search-status" name="status" defaultValue={values.status ?? "all"} className={FILTER_CONTROL}>
            <option value="all">All (retracted marked)</option>
            <option value="active">Active only</option>
            <option value="retracted">Retracted only</option>
          </select>
        </FilterField>
        <FilterField label="Observed from" htmlFor="search-from">
          <input id="search-from" name="from" type="date" defaultValue={values.from} className={FILTER_CONTROL} />
        </FilterField>
        <FilterField label="Observed to" htmlFor="search-to">
          <input id="search-to" name="to" type="date" defaultValue={values.to} className={FILTER_CONTROL} />
        </FilterField>
        <FilterSelect
          label="Source reliability"
          id="search-reliability"
          name="reliability"
          value={values.reliability}
          anyLabel="Any reliability"
          options={SOURCE_RELIABILITY_GRADES.map((grade) => ({ value: grade, label: reliabilityText(grade) }))}
        />
        <FilterSelect
          label="Information credibility"
          id="search-credibility"
          name="credibility"
          value={values.credibility}
          anyLabel="Any credibility"
          options={INFORMATION_CREDIBILITY_GRADES.map((grade) => ({
            value: String(grade),
            label: credibilityText(grade),
          }))}
        />
        <FilterActions submitLabel="Search" clearHref={action} className="sm:col-span-2 lg:col-span-4" />
      </form>
    </search>
  );
}
