import type { Metadata } from "next";
import Link from "next/link";
import { SourceTable } from "@/components/evidence/source-table";
import { buttonClasses } from "@/components/ui/button";
import { canWriteAssessments } from "@/lib/roles";
import { listSources } from "@/server/evidence/list-sources";
import { loadWorkspacePage } from "../../../../_lib/load-workspace-page";
import { libraryPath } from "../_lib/library-action";

export const metadata: Metadata = { title: "Sources" };

/** The library's sources with their reliability grades. */
export default async function SourcesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const path = libraryPath(workspaceId, "/sources");
  const { actor, workspace } = await loadWorkspacePage(workspaceId, path);
  const sources = await listSources({ actor, workspaceId });
  const canWrite = canWriteAssessments(workspace.role);

  return (
    <section aria-labelledby="sources-heading">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="sources-heading" className="text-lg font-semibold text-slate-900">
          Sources
        </h2>
        {canWrite ? (
          <Link href={`${path}/new`} className={buttonClasses({ variant: "primary" })}>
            New source
          </Link>
        ) : null}
      </div>
      {sources.length > 0 ? (
        <>
          <p className="mb-2 text-sm text-slate-600">
            {sources.length} {sources.length === 1 ? "source" : "sources"}, by publisher.
          </p>
          <SourceTable workspaceId={workspaceId} sources={sources} />
        </>
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium text-slate-800">No sources yet.</p>
          <p className="mt-1 text-sm text-slate-600">
            {canWrite
              ? "Add one with “New source”, or import a library file."
              : "Sources your team records will appear here."}
          </p>
        </div>
      )}
    </section>
  );
}
