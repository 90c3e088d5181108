import type { Metadata } from "next";
import Link from "next/link";
import { SourceForm } from "@/components/evidence/source-form";
import { Alert } from "@/components/ui/alert";
import { canWriteAssessments } from "@/lib/roles";
import { loadWorkspacePage } from "../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../_lib/library-action";
import { createSourceAction } from "../actions";

export const metadata: Metadata = { title: "New source" };

/** Adds a source to the library (owners and analysts). */
export default async function NewSourcePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const sources = libraryPath(workspaceId, "/sources");
  const { workspace } = await loadWorkspacePage(workspaceId, `${sources}/new`);
  return (
    <section aria-labelledby="new-source-heading" className="max-w-3xl">
      <Link href={sources} className="text-sm text-slate-500 hover:underline">
        ← Sources
      </Link>
      <h2 id="new-source-heading" className="mt-1 mb-4 text-xl font-semibold text-slate-900">
        New source
      </h2>
      {canWriteAssessments(workspace.role) ? (
        <SourceForm action={createSourceAction.bind(null, workspaceId)} cancelHref={sources} />
      ) : (
        <Alert tone="info">Your role lets you read the library but not add to it.</Alert>
      )}
    </section>
  );
}
