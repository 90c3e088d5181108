import type { Metadata } from "next";
import Link from "next/link";
import { LibrarySiteForm } from "@/components/evidence/library-site-form";
import { Alert } from "@/components/ui/alert";
import { canWriteAssessments } from "@/lib/roles";
import { loadWorkspacePage } from "../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../_lib/library-action";
import { createSiteAction } from "../actions";

export const metadata: Metadata = { title: "New site" };

/** Adds a site to the library (owners and analysts). */
export default async function NewSitePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const sites = libraryPath(workspaceId, "/sites");
  const { workspace } = await loadWorkspacePage(workspaceId, `${sites}/new`);
  return (
    <section aria-labelledby="new-site-heading" className="max-w-3xl">
      <Link href={sites} className="text-sm text-slate-500 hover:underline">
        ← Sites
      </Link>
      <h2 id="new-site-heading" className="mt-1 mb-4 text-xl font-semibold text-slate-900">
        New site
      </h2>
      {canWriteAssessments(workspace.role) ? (
        <LibrarySiteForm action={createSiteAction.bind(null, workspaceId)} cancelHref={sites} />
      ) : (
        <Alert tone="info">Your role lets you read the library but not add to it.</Alert>
      )}
    </section>
  );
}
