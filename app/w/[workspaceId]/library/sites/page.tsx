import type { Metadata } from "next";
import Link from "next/link";
import { LibrarySitesTable } from "@/components/evidence/library-sites-table";
import { buttonClasses } from "@/components/ui/button";
import { canWriteAssessments } from "@/lib/roles";
import { listSites } from "@/server/evidence/list-sites";
import { loadWorkspacePage } from "../../../../_lib/load-workspace-page";
import { libraryPath } from "../_lib/library-action";

export const metadata: Metadata = { title: "Sites" };

/** The places the library's observations are about. */
export default async function SitesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const path = libraryPath(workspaceId, "/sites");
  const { actor, workspace } = await loadWorkspacePage(workspaceId, path);
  const sites = await listSites({ actor, workspaceId });
  const canWrite = canWriteAssessments(workspace.role);

  return (
    <section aria-labelledby="sites-heading">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="sites-heading" className="text-lg font-semibold text-slate-900">
          Sites
        </h2>
        {canWrite ? (
          <Link href={`${path}/new`} className={buttonClasses({ variant: "primary" })}>
            New site
          </Link>
        ) : null}
      </div>
      {sites.length > 0 ? (
        <LibrarySitesTable workspaceId={workspaceId} sites={sites} canWrite={canWrite} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium text-slate-800">No sites yet.</p>
          <p className="mt-1 text-sm text-slate-600">
            {canWrite
              ? "Add one with “New site”, or import a library file."
              : "Sites your team records will appear here."}
          </p>
        </div>
      )}
    </section>
  );
}
