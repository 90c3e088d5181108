import type { Metadata } from "next";
import Link from "next/link";
import { LibrarySiteForm } from "@/components/evidence/library-site-form";
import { Alert } from "@/components/ui/alert";
import { canWriteAssessments } from "@/lib/roles";
import { getSite } from "@/server/evidence/get-site";
import { loadOrNotFound } from "../../../../../../_lib/load-or-not-found";
import { loadWorkspacePage } from "../../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../../_lib/library-action";
import { updateSiteAction } from "../../actions";

export const metadata: Metadata = { title: "Edit site" };

/** Edits a site (owners and analysts). */
export default async function EditSitePage({ params }: { params: Promise<{ workspaceId: string; siteId: string }> }) {
  const { workspaceId, siteId } = await params;
  const detail = libraryPath(workspaceId, `/sites/${siteId}`);
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `${detail}/edit`);
  const site = await loadOrNotFound(getSite({ actor, workspaceId, siteId }));
  return (
    <section aria-labelledby="edit-site-heading" className="max-w-3xl">
      <Link href={detail} className="text-sm text-slate-500 hover:underline">
        ← {site.name}
      </Link>
      <h2 id="edit-site-heading" className="mt-1 mb-4 text-xl font-semibold text-slate-900">
        Edit site
      </h2>
      {canWriteAssessments(workspace.role) ? (
        <LibrarySiteForm action={updateSiteAction.bind(null, workspaceId, siteId)} site={site} cancelHref={detail} />
      ) : (
        <Alert tone="info">Your role lets you read the library but not change it.</Alert>
      )}
    </section>
  );
}
