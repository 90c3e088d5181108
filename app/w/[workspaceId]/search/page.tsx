import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm, type SearchFormValues } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import { type SearchResults as Results, SEARCH_LIMIT_DEFAULT, searchInputOf } from "@/lib/schemas/search";
import { listSites } from "@/server/evidence/list-sites";
import { searchEverything } from "@/server/search/search-everything";
import { loadWorkspacePage } from "../../../_lib/load-workspace-page";

export const metadata: Metadata = { title: "Search" };

type Params = Record<string, string | string[] | undefined>;

/** The URL of another page of the same search. */
function pageHref(path: string, params: Params, offset: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === "offset" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item.trim()) query.append(name, item);
  }
  if (offset > 0) query.set("offset", String(offset));
  return `${path}?${query}`;
}

/** Runs the search, or says which fields cannot be searched (the domain function's 422). */
async function runSearch(run: () => Promise<Results>): Promise<Results | { errors: string[] }> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.kind === "unprocessable") {
      return { errors: Object.values(error.fields ?? {}).flat() };
    }
    throw error;
  }
}

/** Full-text search of one workspace: assessments, judgements, observations, sources and comments. */
export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Params>;
}) {
  const { workspaceId } = await params;
  const path = `/w/${workspaceId}/search`;
  const { actor, workspace } = await loadWorkspacePage(workspaceId, path);
  const raw = await searchParams;
  const input = { ...searchInputOf(raw), workspaceId };
  const hasQuery = raw.q !== undefined;
  const [sites, results] = await Promise.all([
    listSites({ actor, workspaceId }),
    hasQuery ? runSearch(() => searchEverything({ actor, query: input })) : Promise.resolve(null),
  ]);
  const offset = Number(input.offset ?? 0) || 0;
  const limit = Number(input.limit ?? SEARCH_LIMIT_DEFAULT) || SEARCH_LIMIT_DEFAULT;

  return (
    <>
      <PageHeader
        eyebrow={workspace.name}
        title="Search"
        description="Words are matched in any form (munitions, munition); title and statement matches come first."
      />
      <SearchForm key={JSON.stringify(raw)} action={path} values={input as SearchFormValues} sites={sites} />
      {results === null ? null : "errors" in results ? (
        <Alert tone="error" title="This search cannot be run">
          <ul className="list-disc pl-5">
            {results.errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      ) : results.hits.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium text-slate-800">
            {offset > 0 ? "No more results." : "Nothing matches this search."}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Try fewer or other words, or{" "}
            <Link
              href={`${path}?${new URLSearchParams({ q: String(input.q ?? "") })}`}
              className="text-accent-700 hover:underline"
            >
              search without filters
            </Link>
            .
          </p>
        </div>
      ) : (
        <section aria-label="Results">
          <SearchResults hits={results.hits} />
          <nav aria-label="Result pages" className="mt-4 flex gap-2">
            {offset > 0 ? (
              <Link
                href={pageHref(path, raw, Math.max(0, offset - limit))}
                className={buttonClasses({ variant: "secondary" })}
              >
                Previous
              </Link>
            ) : null}
            {results.nextOffset !== null ? (
              <Link href={pageHref(path, raw, results.nextOffset)} className={buttonClasses({ variant: "secondary" })}>
                More results
              </Link>
            ) : null}
          </nav>
        </section>
      )}
    </>
  );
}
