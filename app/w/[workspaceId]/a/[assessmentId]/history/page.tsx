import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveAssessmentRefresh } from "@/components/assessments/live-assessment-refresh";
import { CompareForm } from "@/components/history/compare-form";
import { NameVersionForm } from "@/components/history/name-version-form";
import { VersionComparison } from "@/components/history/version-comparison";
import { VersionList } from "@/components/history/version-list";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import type { VersionComparisonDto } from "@/lib/schemas/history";
import { getAssessment } from "@/server/assessments/get-assessment";
import type { Actor } from "@/server/auth/actor";
import { requireSessionActor } from "@/server/auth/session";
import { compareVersions } from "@/server/history/compare-versions";
import { listAssessmentVersions } from "@/server/lifecycle/list-assessment-versions";
import { loadOrNotFound } from "../../../../../_lib/load-or-not-found";
import { nameVersionAction, restoreVersionAction } from "./actions";

export const metadata: Metadata = { title: "Version history" };

type Search = Record<string, string | string[] | undefined>;

/** The comparison asked for in the address (`?from=N&to=M`), or the reason it cannot be shown. */
async function loadComparison(
  actor: Actor,
  assessmentId: string,
  search: Search,
): Promise<{ comparison?: VersionComparisonDto; error?: string }> {
  const from = typeof search.from === "string" ? search.from : undefined;
  const to = typeof search.to === "string" ? search.to : undefined;
  if (from === undefined && to === undefined) return {};
  try {
    return { comparison: await compareVersions({ actor, assessmentId, query: { from: from ?? "", to: to ?? "" } }) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fields = Object.values(error.fields ?? {}).flat();
    return { error: fields.length > 0 ? fields.join(" ") : error.message };
  }
}

/**
 * An assessment's version history: every version (published, named, automatic) to open
 * read-only, a form to name the current text, two versions to compare (per-judgement changes,
 * then the other text), and, for writers while the text may change, restoring a version. Live:
 * versions anyone saves appear without a reload.
 */
export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; assessmentId: string }>;
  searchParams: Promise<Search>;
}) {
  const { workspaceId, assessmentId } = await params;
  const base = `/w/${workspaceId}/a/${assessmentId}`;
  const actor = await requireSessionActor(`${base}/history`);
  const assessment = await loadOrNotFound(getAssessment({ actor, assessmentId }));
  if (assessment.workspaceId !== workspaceId) notFound();
  const versions = await listAssessmentVersions({ actor, assessmentId });
  const search = await searchParams;
  const { comparison, error } = await loadComparison(actor, assessmentId, search);
  const canRestore = assessment.canEdit && assessment.status !== "published";

  return (
    <>
      {/* A colleague's new version, restore or status change shows here at once; forms keep what was typed. */}
      <LiveAssessmentRefresh
        assessmentId={assessment.id}
        userId={actor.id}
        kinds={["assessment", "history"]}
        announcement="Version history updated"
      />
      <PageHeader
        eyebrow={<Link href={base}>{assessment.title}</Link>}
        title="Version history"
        description="Versions are saved when the assessment changes status, after a burst of editing, at publication and when someone names one. They never change."
        actions={
          <Link href={base} className={buttonClasses({ variant: "secondary" })}>
            Back to the assessment
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <Card aria-labelledby="versions-heading">
            <CardHeader id="versions-heading" title="Versions" />
            <VersionList
              versions={versions}
              base={base}
              restoreAction={
                canRestore ? (number) => restoreVersionAction.bind(null, workspaceId, assessmentId, number) : null
              }
            />
          </Card>
          {versions.length > 0 ? (
            <Card aria-labelledby="compare-heading">
              <CardHeader id="compare-heading" title="Compare versions" />
              <div className="p-5">
                <CompareForm
                  action={`${base}/history`}
                  versions={versions}
                  from={typeof search.from === "string" ? search.from : undefined}
                  to={typeof search.to === "string" ? search.to : undefined}
                />
              </div>
            </Card>
          ) : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          {comparison ? <VersionComparison comparison={comparison} /> : null}
        </div>
        {assessment.canEdit ? (
          <Card aria-labelledby="name-version-heading">
            <CardHeader id="name-version-heading" title="Save a named version" />
            <div className="p-5">
              <NameVersionForm action={nameVersionAction.bind(null, workspaceId, assessmentId)} />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
