import type { Metadata } from "next";
import Link from "next/link";
import { recordLabel } from "@/components/evidence/evidence-format";
import { ObservationForm } from "@/components/evidence/observation-form";
import { Alert } from "@/components/ui/alert";
import { canWriteAssessments } from "@/lib/roles";
import { getObservation } from "@/server/evidence/get-observation";
import { listSites } from "@/server/evidence/list-sites";
import { listSources } from "@/server/evidence/list-sources";
import { loadOrNotFound } from "../../../../../../_lib/load-or-not-found";
import { loadWorkspacePage } from "../../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../../_lib/library-action";
import { updateObservationAction } from "../../actions";

export const metadata: Metadata = { title: "Edit observation" };

/** Edits an observation (owners and analysts); retracted ones are no longer edited. */
export default async function EditObservationPage({
  params,
}: {
  params: Promise<{ workspaceId: string; observationId: string }>;
}) {
  const { workspaceId, observationId } = await params;
  const detail = libraryPath(workspaceId, `/observations/${observationId}`);
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `${detail}/edit`);
  const [observation, sites, sources] = await Promise.all([
    loadOrNotFound(getObservation({ actor, workspaceId, observationId })),
    listSites({ actor, workspaceId }),
    listSources({ actor, workspaceId }),
  ]);
  const label = recordLabel(observation);

  return (
    <section aria-labelledby="edit-observation-heading" className="max-w-3xl">
      <Link href={detail} className="text-sm text-slate-500 hover:underline">
        ← Observation {label}
      </Link>
      <h2 id="edit-observation-heading" className="mt-1 mb-4 text-xl font-semibold text-slate-900">
        Edit observation {label}
      </h2>
      {!canWriteAssessments(workspace.role) ? (
        <Alert tone="info">Your role lets you read the library but not change it.</Alert>
      ) : observation.retraction ? (
        <Alert tone="info">This observation is retracted and can no longer be changed.</Alert>
      ) : (
        <ObservationForm
          action={updateObservationAction.bind(null, workspaceId, observationId)}
          observation={observation}
          sites={sites}
          sources={sources}
          cancelHref={detail}
        />
      )}
    </section>
  );
}
