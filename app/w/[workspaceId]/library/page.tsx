import type { Metadata } from "next";
import Link from "next/link";
import { type ObservationSearch, ObservationSearchForm } from "@/components/evidence/observation-search-form";
import { ObservationTable } from "@/components/evidence/observation-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { canWriteAssessments } from "@/lib/roles";
import { listObservationsQuery } from "@/lib/schemas/evidence";
import { listObservations } from "@/server/evidence/list-observations";
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

/** The workspace's observations, searchable by text, site, observed dates, grades and status. */
export default async function ObservationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const search = searchOf(await searchParams);
  const path = `/w/${workspaceId}/library`;
  const { actor, workspace } = await loadWorkspacePage(workspaceId, path);
  const canWrite = canWriteAssessments(workspace.role);
  const query = checkInput(listObservationsQuery, search);
  const [observations, sites] = await Promise.all([
    query.success ? listObservations({ actor, workspaceId, ...query.data }) : Promise.resolve([]),
    listSites({ actor, workspaceId }),
  ]);
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
            {observations.length} {observations.length === 1 ? "observation" : "observations"}
            {isFiltered ? " match" : ""}, oldest observed first.
          </p>
          <ObservationTable
            workspaceId={workspaceId}
            observations={observations}
            caption={isFiltered ? "Observations matching the search" : "Observations, oldest observed first"}
          />
        </>
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
