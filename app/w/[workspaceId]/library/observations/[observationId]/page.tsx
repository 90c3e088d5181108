import type { Metadata } from "next";
import Link from "next/link";
import { recordLabel } from "@/components/evidence/evidence-format";
import { ObservationAttachments } from "@/components/evidence/observation-attachments";
import { ObservationFacts, ObservationSources } from "@/components/evidence/observation-details";
import { RetractObservationDialog } from "@/components/evidence/retract-observation-dialog";
import { RetractionBanner } from "@/components/evidence/retraction-banner";
import { RevisionHistory } from "@/components/evidence/revision-history";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { canWriteAssessments } from "@/lib/roles";
import { env } from "@/server/env";
import { getObservation } from "@/server/evidence/get-observation";
import { listEvidenceRevisions } from "@/server/evidence/list-evidence-revisions";
import { listObservationAttachments } from "@/server/evidence/list-observation-attachments";
import { listSources } from "@/server/evidence/list-sources";
import { loadOrNotFound } from "../../../../../_lib/load-or-not-found";
import { loadWorkspacePage } from "../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../_lib/library-action";
import { retractObservationAction } from "../actions";

export const metadata: Metadata = { title: "Observation" };

/**
 * One observation: every field, its sources and grades, any retraction, and its history. Writers
 * (owners, analysts) also get Edit and Retract. Sections stack in one column, so more (such as
 * attachments) slot in between the sources and the history.
 */
export default async function ObservationPage({
  params,
}: {
  params: Promise<{ workspaceId: string; observationId: string }>;
}) {
  const { workspaceId, observationId } = await params;
  const library = libraryPath(workspaceId);
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `${library}/observations/${observationId}`);
  const [observation, revisions, sources, attachments] = await Promise.all([
    loadOrNotFound(getObservation({ actor, workspaceId, observationId })),
    loadOrNotFound(listEvidenceRevisions({ actor, workspaceId, kind: "observation", recordId: observationId })),
    listSources({ actor, workspaceId }),
    loadOrNotFound(listObservationAttachments({ actor, workspaceId, observationId })),
  ]);
  const canWrite = canWriteAssessments(workspace.role);
  const isRetracted = observation.retraction !== null;
  const label = recordLabel(observation);

  return (
    <article aria-labelledby="observation-heading" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href={library} className="text-sm text-slate-500 hover:underline">
            ← Observations
          </Link>
          <h2
            id="observation-heading"
            className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900"
          >
            Observation {label}
            {isRetracted ? <Badge tone="warning">Retracted</Badge> : null}
          </h2>
        </div>
        {canWrite && !isRetracted ? (
          <div className="flex gap-2">
            <Link href={`${library}/observations/${observationId}/edit`} className={buttonClasses()}>
              Edit
            </Link>
            <RetractObservationDialog
              action={retractObservationAction.bind(null, workspaceId, observationId)}
              label={label}
              revision={observation.revision}
            />
          </div>
        ) : null}
      </div>

      {observation.retraction ? <RetractionBanner retraction={observation.retraction} /> : null}
      <ObservationFacts observation={observation} library={library} />
      <ObservationSources
        observation={observation}
        sources={new Map(sources.map((source) => [source.id, source]))}
        library={library}
      />
      <ObservationAttachments
        attachments={attachments}
        uploadUrl={`/api/v1/workspaces/${workspaceId}/observations/${observationId}/attachments`}
        canEdit={canWrite && !isRetracted}
        maxBytes={env().ATTACHMENT_MAX_BYTES}
      />
      <Card aria-labelledby="observation-history-heading">
        <CardHeader
          id="observation-history-heading"
          title="History"
          description="Every change is a new revision; none is ever overwritten."
        />
        <RevisionHistory revisions={revisions} />
      </Card>
    </article>
  );
}
