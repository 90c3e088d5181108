import type { Metadata } from "next";
import { ConflictList } from "@/components/evidence/conflict-list";
import { listEvidenceConflicts } from "@/server/evidence/list-evidence-conflicts";
import { loadWorkspacePage } from "../../../../_lib/load-workspace-page";
import { libraryPath } from "../_lib/library-action";

export const metadata: Metadata = { title: "Conflicts" };

/** Where the library's evidence disagrees with itself: different values, or different originators. */
export default async function ConflictsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor } = await loadWorkspacePage(workspaceId, libraryPath(workspaceId, "/conflicts"));
  const conflicts = await listEvidenceConflicts({ actor, workspaceId });

  return (
    <section aria-labelledby="conflicts-heading" className="space-y-4">
      <div>
        <h2 id="conflicts-heading" className="text-lg font-semibold text-slate-900">
          Conflicts ({conflicts.length})
        </h2>
        <div className="mt-1 max-w-3xl space-y-1 text-sm text-slate-600">
          <p>
            <strong className="font-medium text-slate-800">Value conflicts:</strong> two observations of the same site
            give the same metric different values for periods that overlap (a month overlaps every day in it). Metrics
            are compared by name and literally, so two “at least” figures that differ are listed too.
          </p>
          <p>
            <strong className="font-medium text-slate-800">Attribution conflicts:</strong> the same information is said
            to come from different originators, by the sources of one observation or by two observations of the same
            value at the same site and time. A source&apos;s originator is whoever it attributes the information to,
            else its publisher.
          </p>
          <p>Retracted observations take no part. Decide which account to rely on and say so in the judgements.</p>
        </div>
      </div>
      <ConflictList
        workspaceId={workspaceId}
        conflicts={conflicts}
        empty="No conflicts: wherever observations overlap, they agree on values and on who said what."
      />
    </section>
  );
}
