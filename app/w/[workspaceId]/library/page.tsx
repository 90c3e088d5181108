import type { Metadata } from "next";
import Link from "next/link";
import { type ObservationSearch, ObservationSearchForm } from "@/components/evidence/observation-search-form";
import { ObservationTable } from "@/components/evidence/observation-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { canWriteAssessments } from "@/lib/roles";
import { listObservationsQuery } from "@/lib/schemas/evidence";
import { listObservationPage } from "@/server/evidence/list-observations";
import { listSites } from "@/server/evidence/list-sites";
import { checkInput } from "@/server/http/parse-input";
import { loadWorkspacePage } from "../../../_lib/load-workspace-page";

export const metadata: Metadata = { title: "Evidence library" };

const FILTERS = ["q", "siteId", "from", "to", "reliability", "credibility", "status"] as const;

/** The filters of the URL, blank ones dropped (a plain GET form sends every field). */
function searchOf(params: Record<string, string | string[] | undefined>): ObservationSearch {
  const search: ObservationSearch = {};
  for (const name of FILTERS) {
    const value = params[name];
    if (typeof value === "string" && value.trim()) search[name] = value.trim();
  }
  return search;
}

/** The page number of the URL; anything but a whole number from 1 is the first page. */
function pageOf(params: Record<string, string | string[] | undefined>): number {
  const value = params.page;
  return typeof value === "string" && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : 1;
}

/** Links to the previous and next pages of the same search. */
function Pager({
  path,
  search,
  page,
  pages,
}: {
  path: string;
  search: ObservationSearch;
  page: number;
  pages: number;
}) {
  if (pages <= 1) return null;
  const href = (target: number) => `${path}?${new URLSearchParams({ ...search, page: String(target) })}`;
  return (
    <nav aria-label="Pages of observations" className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} className={buttonClasses()}>
          Previous page
        </Link>
      ) : null}
      <span className="text-slate-600">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={buttonClasses()}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

/** The workspace's observations, searchable by text, site, observed dates, grades and status, a page at a time. */
export default async function ObservationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const allParams = await searchParams;
  const search = searchOf(allParams);
  const page = pageOf(allParams);
  const path = `/w/${workspaceId}/library`;
  const { actor, workspace } = await loadWorkspacePage(workspaceId, path);
  const canWrite = canWriteAssessments(workspace.role);
  const query = checkInput(listObservationsQuery, search);
  const [result, sites] = await Promise.all([
    query.success ? listObservationPage({ actor, workspaceId, ...query.data, page }) : Promise.resolve(null),
    listSites({ actor, workspaceId }),
  ]);
  const observations = result?.observations ?? [];
  const total = result?.total ?? 0;
  const pages = result ? Math.ceil(total / result.limit) : 0;
  const first = result ? (page - 1) * result.limit + 1 : 0;
  const isFiltered = Object.keys(search).some((name) => name !== "status" || search.status !== "all");

  return (
    <section aria-labelledby="observations-heading">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="observations-heading" className="text-lg font-semibold text-slate-900">
          Observations
        </h2>
        {canWrite ? (
          <Link href={`${path}/observations/new`} className={buttonClasses({ variant: "primary" })}>
            New observation
          </Link>
        ) : null}
      </div>
      <ObservationSearchForm key={JSON.stringify(search)} action={path} values={search} sites={sites} />
      {!query.success ? (
        <Alert tone="error" title="These filters cannot be searched">
          <ul className="list-disc pl-5">
            {Object.entries(query.fields).map(([field, messages]) => (
              <li key={field}>{messages.join(" ")}</li>
            ))}
          </ul>
        </Alert>
      ) : observations.length > 0 ? (
        <>
          <p className="mb-2 text-sm text-slate-600">
            {total} {total === 1 ? "observation" : "observations"}
            {isFiltered ? " match" : ""}, oldest observed first
            {pages > 1 ? `; showing ${first}–${first + observations.length - 1}` : ""}.
          </p>
          <ObservationTable
            workspaceId={workspaceId}
            observations={observations}
            caption={isFiltered ? "Observations matching the search" : "Observations, oldest observed first"}
          />
          <Pager path={path} search={search} page={page} pages={pages} />
        </>
      ) : total > 0 ? (
        <p className="text-sm text-slate-600">
          There are only {pages} {pages === 1 ? "page" : "pages"} of observations.{" "}
          <Link href={`${path}?${new URLSearchParams({ ...search })}`} className="text-accent-700 hover:underline">
            Go to the first page
          </Link>
          .
        </p>
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium text-slate-800">
            {isFiltered ? "No observation matches these filters." : "No observations yet."}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {isFiltered ? (
              <Link href={path} className="text-accent-700 hover:underline">
                Clear the filters
              </Link>
            ) : canWrite ? (
              <>
                Record one with “New observation”, or{" "}
                <Link href={`${path}/transfer`} className="text-accent-700 hover:underline">
                  import a library file
                </Link>
                .
              </>
            ) : (
              "Observations your team records will appear here."
            )}
          </p>
        </div>
      )}
    </section>
  );
}
