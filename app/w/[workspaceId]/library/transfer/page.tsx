import type { Metadata } from "next";
import { ImportForm } from "@/components/evidence/import-form";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { canWriteAssessments } from "@/lib/roles";
import { loadWorkspacePage } from "../../../../_lib/load-workspace-page";
import { libraryPath } from "../_lib/library-action";
import { importLibraryAction } from "./actions";

export const metadata: Metadata = { title: "Import and export" };

/** Uploads a library file (owners and analysts) and downloads the library as JSON or CSV (everyone). */
export default async function TransferPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { workspace } = await loadWorkspacePage(workspaceId, libraryPath(workspaceId, "/transfer"));
  const exportUrl = `/api/v1/workspaces/${workspaceId}/evidence/export`;

  return (
    <div className="space-y-6">
      <Card aria-labelledby="import-heading">
        <CardHeader
          id="import-heading"
          title="Import"
          description="All or nothing: if any record is invalid, nothing is imported and every problem is listed. Records whose id is already in the library are left as they are, so importing the same file again creates no duplicates."
        />
        <div className="p-5">
          {canWriteAssessments(workspace.role) ? (
            <ImportForm action={importLibraryAction.bind(null, workspaceId)} />
          ) : (
            <p className="text-sm text-slate-600">Owners and analysts import files; your role lets you export.</p>
          )}
        </div>
      </Card>
      <Card aria-labelledby="export-heading">
        <CardHeader
          id="export-heading"
          title="Export"
          description="JSON holds the whole library (sources, sites, observations, grades and retractions) and imports back without loss. CSV holds the observations, one per row."
        />
        <div className="flex flex-wrap gap-2 p-5">
          <a href={`${exportUrl}?format=json`} download="evidence-library.json" className={buttonClasses()}>
            Download JSON
          </a>
          <a href={`${exportUrl}?format=csv`} download="observations.csv" className={buttonClasses()}>
            Download CSV
          </a>
        </div>
      </Card>
    </div>
  );
}
