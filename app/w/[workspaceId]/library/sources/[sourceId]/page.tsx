import type { Metadata } from "next";
import Link from "next/link";
import { ObservationTable } from "@/components/evidence/observation-table";
import { RevisionHistory } from "@/components/evidence/revision-history";
import { SourceFacts } from "@/components/evidence/source-details";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { canWriteAssessments } from "@/lib/roles";
import { getSource } from "@/server/evidence/get-source";
import { listEvidenceRevisions } from "@/server/evidence/list-evidence-revisions";
import { listObservations } from "@/server/evidence/list-observations";
import { loadOrNotFound } from "../../../../../_lib/load-or-not-found";
import { loadWorkspacePage } from "../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../_lib/library-action";

export const metadata: Metadata = { title: "Source" };

/** One source: its fields and grade, the observations that cite it, and its history. */
export default async function SourcePage({ params }: { params: Promise<{ workspaceId: string; sourceId: string }> }) {
  const { workspaceId, sourceId } = await params;
  const sources = libraryPath(workspaceId, "/sources");
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `${sources}/${sourceId}`);
  const [source, revisions, citing] = await Promise.all([
    loadOrNotFound(getSource({ actor, workspaceId, sourceId })),
    loadOrNotFound(listEvidenceRevisions({ actor, workspaceId, kind: "source", recordId: sourceId })),
    loadOrNotFound(listObservations({ actor, workspaceId, sourceId })),
  ]);

  return (
    <article aria-labelledby="source-heading" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href={sources} className="text-sm text-slate-500 hover:underline">
            ← Sources
          </Link>
          <h2 id="source-heading" className="mt-1 text-xl font-semibold text-slate-900">
            {source.externalId ? `${source.externalId} · ` : ""}
            {source.publisher}
          </h2>
        </div>
        {canWriteAssessments(workspace.role) ? (
          <Link href={`${sources}/${sourceId}/edit`} className={buttonClasses()}>
            Edit
          </Link>
        ) : null}
      </div>
      <SourceFacts source={source} />
      <section aria-labelledby="citing-heading" className="space-y-2">
        <h3 id="citing-heading" className="text-base font-semibold text-slate-900">
          Observations citing this source ({citing.length})
        </h3>
        {citing.length > 0 ? (
          <ObservationTable workspaceId={workspaceId} observations={citing} caption="Observations citing this source" />
        ) : (
          <p className="text-sm text-slate-600">No observation cites this source yet.</p>
        )}
      </section>
      <Card aria-labelledby="source-history-heading">
        <CardHeader id="source-history-heading" title="History" description="Every change, re-gradings included." />
        <RevisionHistory revisions={revisions} />
      </Card>
    </article>
  );
}
