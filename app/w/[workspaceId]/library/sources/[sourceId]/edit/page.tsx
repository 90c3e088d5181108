import type { Metadata } from "next";
import Link from "next/link";
import { SourceForm } from "@/components/evidence/source-form";
import { Alert } from "@/components/ui/alert";
import { canWriteAssessments } from "@/lib/roles";
import { getSource } from "@/server/evidence/get-source";
import { loadOrNotFound } from "../../../../../../_lib/load-or-not-found";
import { loadWorkspacePage } from "../../../../../../_lib/load-workspace-page";
import { libraryPath } from "../../../_lib/library-action";
import { updateSourceAction } from "../../actions";

export const metadata: Metadata = { title: "Edit source" };

/** Edits or re-grades a source (owners and analysts). */
export default async function EditSourcePage({
  params,
}: {
  params: Promise<{ workspaceId: string; sourceId: string }>;
}) {
  const { workspaceId, sourceId } = await params;
  const detail = libraryPath(workspaceId, `/sources/${sourceId}`);
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `${detail}/edit`);
  const source = await loadOrNotFound(getSource({ actor, workspaceId, sourceId }));
  return (
    <section aria-labelledby="edit-source-heading" className="max-w-3xl">
      <Link href={detail} className="text-sm text-slate-500 hover:underline">
        ← {source.publisher}
      </Link>
      <h2 id="edit-source-heading" className="mt-1 mb-4 text-xl font-semibold text-slate-900">
        Edit source
      </h2>
      {canWriteAssessments(workspace.role) ? (
        <SourceForm action={updateSourceAction.bind(null, workspaceId, sourceId)} source={source} cancelHref={detail} />
      ) : (
        <Alert tone="info">Your role lets you read the library but not change it.</Alert>
      )}
    </section>
  );
}
