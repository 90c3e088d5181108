import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentTable } from "@/components/assessments/assessment-table";
import { NewAssessmentDialog } from "@/components/assessments/new-assessment-dialog";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { canWriteAssessments, ROLE_LABELS } from "@/lib/roles";
import { listAssessments } from "@/server/assessments/list-assessments";
import { loadWorkspacePage } from "../../_lib/load-workspace-page";
import { createAssessmentAction } from "./actions";

export const metadata: Metadata = { title: "Assessments" };

/** A workspace's assessments; `?archived=1` lists the archived ones instead. */
export default async function WorkspacePage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const showArchived = (await searchParams).archived === "1";
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `/w/${workspaceId}`);
  const assessments = await listAssessments({ actor, workspaceId, archived: showArchived });
  const canWrite = canWriteAssessments(workspace.role);

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            {workspace.name} · Your role: {ROLE_LABELS[workspace.role]}
          </>
        }
        title={showArchived ? "Archived assessments" : "Assessments"}
        actions={
          <>
            <Link
              href={showArchived ? `/w/${workspaceId}` : `/w/${workspaceId}?archived=1`}
              className={buttonClasses({ variant: "ghost" })}
            >
              {showArchived ? "Hide archived" : "Show archived"}
            </Link>
            {canWrite ? <NewAssessmentDialog action={createAssessmentAction.bind(null, workspaceId)} /> : null}
          </>
        }
      />
      {assessments.length > 0 ? (
        <AssessmentTable
          workspaceId={workspaceId}
          assessments={assessments}
          caption={showArchived ? "Archived assessments" : "Assessments, most recently changed first"}
        />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium text-slate-800">
            {showArchived ? "No archived assessments." : "No assessments yet."}
          </p>
          {!showArchived ? (
            <p className="mt-1 text-sm text-slate-600">
              {canWrite ? "Start one with “New assessment”." : "Assessments your team writes will appear here."}
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
