import type { Metadata } from "next";
import Link from "next/link";
import { ObservationForm } from "@/components/evidence/observation-form";
import { Alert } from "@/components/ui/alert";
import { canWriteAssessments } from "@/lib/roles";
import { listSites } from "@/server/evidence/list-sites";
import { listSources } from "@/server/evidence/list-sources";
import { loadWorkspacePage } from "../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../_lib/library-action";
import { createObservationAction } from "../actions";

export const metadata: Metadata = { title: "New observation" };

/** Records an observation (owners and analysts); it must cite a source already in the library. */
export default async function NewObservationPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const library = libraryPath(workspaceId);
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `${library}/observations/new`);
  const [sites, sources] = await Promise.all([listSites({ actor, workspaceId }), listSources({ actor, workspaceId })]);

  return (
    <section aria-labelledby="new-observation-heading" className="max-w-3xl">
      <Link href={library} className="text-sm text-slate-500 hover:underline">
        ← Observations
      </Link>
      <h2 id="new-observation-heading" className="mt-1 mb-4 text-xl font-semibold text-slate-900">
        New observation
      </h2>
      {!canWriteAssessments(workspace.role) ? (
        <Alert tone="info">Your role lets you read the library but not add to it.</Alert>
      ) : sources.length === 0 ? (
        <Alert tone="info" title="Add a source first">
          Every observation cites at least one source.{" "}
          <Link href={`${library}/sources/new`} className="font-medium underline">
            Add a source
          </Link>{" "}
          or{" "}
          <Link href={`${library}/transfer`} className="font-medium underline">
            import a library file
          </Link>
          .
        </Alert>
      ) : (
        <ObservationForm
          action={createObservationAction.bind(null, workspaceId)}
          sites={sites}
          sources={sources}
          cancelHref={library}
        />
      )}
    </section>
  );
}
