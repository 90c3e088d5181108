"use client";

import clsx from "clsx";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import { INFORMATION_CREDIBILITY_GRADES, SOURCE_RELIABILITY_GRADES } from "@/lib/standards/admiralty";
import { CONTROL_CLASSES } from "../forms/field";
import { buttonClasses } from "../ui/button";
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

function Labelled({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

const control = clsx(CONTROL_CLASSES, "border-slate-300");

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
          <Labelled label="Text" htmlFor="search-q">
            <input id="search-q" name="q" type="search" defaultValue={values.q} className={control} maxLength={200} />
          </Labelled>
        </div>
        <Labelled label="Site" htmlFor="search-site">
          <select id="search-site" name="siteId" defaultValue={values.siteId ?? ""} className={control}>
            <option value="">Any site</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="Status" htmlFor="search-status">
          <select id="search-status" name="status" defaultValue={values.status ?? "all"} className={control}>
            <option value="all">All (retracted marked)</option>
            <option value="active">Active only</option>
            <option value="retracted">Retracted only</option>
          </select>
        </Labelled>
        <Labelled label="Observed from" htmlFor="search-from">
          <input id="search-from" name="from" type="date" defaultValue={values.from} className={control} />
        </Labelled>
        <Labelled label="Observed to" htmlFor="search-to">
          <input id="search-to" name="to" type="date" defaultValue={values.to} className={control} />
        </Labelled>
        <Labelled label="Source reliability" htmlFor="search-reliability">
          <select
            id="search-reliability"
            name="reliability"
            defaultValue={values.reliability ?? ""}
            className={control}
          >
            <option value="">Any reliability</option>
            {SOURCE_RELIABILITY_GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {reliabilityText(grade)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="Information credibility" htmlFor="search-credibility">
          <select
            id="search-credibility"
            name="credibility"
            defaultValue={values.credibility ?? ""}
            className={control}
          >
            <option value="">Any credibility</option>
            {INFORMATION_CREDIBILITY_GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {credibilityText(grade)}
              </option>
            ))}
          </select>
        </Labelled>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className={buttonClasses({ variant: "primary" })}>
            Search
          </button>
          <Link href={action} className={buttonClasses({ variant: "ghost" })}>
            Clear filters
          </Link>
        </div>
      </form>
    </search>
  );
}
