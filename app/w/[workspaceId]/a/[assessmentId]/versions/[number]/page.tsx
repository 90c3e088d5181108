import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportMenu } from "@/components/exports/export-menu";
import { PublishedVersion } from "@/components/lifecycle/published-version";
import { TlpBanner } from "@/components/lifecycle/tlp-banner";
import { VersionApprovals } from "@/components/lifecycle/version-approvals";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatExact } from "@/components/ui/relative-time";
import { versionHeadline, versionLabel, versionVerb } from "@/lib/history/version-labels";
import { getAssessment } from "@/server/assessments/get-assessment";
import { requireSessionActor } from "@/server/auth/session";
import { getAssessmentVersion } from "@/server/lifecycle/get-assessment-version";
import { loadOrNotFound } from "../../../../../../_lib/load-or-not-found";

export const metadata: Metadata = { title: "Version (read-only)" };

/**
 * A version (published, named or automatic) at its stable address: the frozen text, read-only,
 * between its TLP marking at the top and the bottom, with who froze it and when (labelled
 * read-only), and who had approved each judgement then. Nothing here can change it.
 */
export default async function VersionPage({
  params,
}: {
  params: Promise<{ workspaceId: string; assessmentId: string; number: string }>;
}) {
  const { workspaceId, assessmentId, number } = await params;
  const base = `/w/${workspaceId}/a/${assessmentId}`;
  const actor = await requireSessionActor(`${base}/versions/${number}`);
  const assessment = await loadOrNotFound(getAssessment({ actor, assessmentId }));
  if (assessment.workspaceId !== workspaceId) notFound();
  const version = await loadOrNotFound(getAssessmentVersion({ actor, assessmentId, number }));
  const { content } = version;
  const frozenAt = formatExact(new Date(version.createdAt));
  const what = version.kind === "published" ? "" : ` · ${versionHeadline(version)}`;

  return (
    <>
      <div className="mb-4">
        <TlpBanner tlp={content.assessment.tlp} />
      </div>
      <PageHeader
        eyebrow={`${versionLabel(version)}${what} · ${versionVerb(version.kind)} ${frozenAt}${version.createdBy ? ` by ${version.createdBy.name}` : ""} · read-only`}
        title={version.title}
        description={content.assessment.keyQuestion ? `Key question: ${content.assessment.keyQuestion}` : undefined}
        actions={
          <>
            <Link href={base} className={buttonClasses({ variant: "secondary" })}>
              Back to the assessment
            </Link>
            <Link href={`${base}/history`} className={buttonClasses({ variant: "ghost" })}>
              Version history
            </Link>
            <a
              href={`/api/v1/assessments/${assessmentId}/versions/${version.number}?format=html`}
              className={buttonClasses({ variant: "ghost" })}
            >
              HTML
            </a>
            <ExportMenu assessmentId={assessmentId} number={version.number} />
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card as="article" aria-label={`${versionLabel(version)} of ${version.title}`} className="p-6">
          <PublishedVersion html={version.html} />
        </Card>
        <Card aria-labelledby="approvals-heading">
          <CardHeader
            id="approvals-heading"
            title={version.kind === "published" ? "Approvals at publication" : "Approvals at this version"}
            description={
              content.authors.length > 0
                ? `Written by ${content.authors.map((author) => author.name).join(", ")}.`
                : undefined
            }
          />
          <VersionApprovals judgements={content.judgements} />
        </Card>
      </div>
      <div className="mt-6">
        <TlpBanner tlp={content.assessment.tlp} />
      </div>
    </>
  );
}
