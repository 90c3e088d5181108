import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublishedVersion } from "@/components/lifecycle/published-version";
import { TlpBanner } from "@/components/lifecycle/tlp-banner";
import { VersionApprovals } from "@/components/lifecycle/version-approvals";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatExact } from "@/components/ui/relative-time";
import { getAssessment } from "@/server/assessments/get-assessment";
import { requireSessionActor } from "@/server/auth/session";
import { getAssessmentVersion } from "@/server/lifecycle/get-assessment-version";
import { loadOrNotFound } from "../../../../../../_lib/load-or-not-found";

export const metadata: Metadata = { title: "Published version" };

/**
 * A published version at its stable address: the frozen text exactly as published, read-only,
 * between its TLP marking at the top and the bottom, with who published it and when, and who had
 * approved each judgement. Nothing here can change it.
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
  const publishedAt = formatExact(new Date(version.createdAt));

  return (
    <>
      <div className="mb-4">
        <TlpBanner tlp={content.assessment.tlp} />
      </div>
      <PageHeader
        eyebrow={`Version ${version.number} · published ${publishedAt}${version.createdBy ? ` by ${version.createdBy.name}` : ""}`}
        title={version.title}
        description={content.assessment.keyQuestion ? `Key question: ${content.assessment.keyQuestion}` : undefined}
        actions={
          <>
            <Link href={base} className={buttonClasses({ variant: "secondary" })}>
              Back to the assessment
            </Link>
            <a
              href={`/api/v1/assessments/${assessmentId}/versions/${version.number}?format=html`}
              className={buttonClasses({ variant: "ghost" })}
            >
              HTML
            </a>
            <a
              href={`/api/v1/assessments/${assessmentId}/versions/${version.number}`}
              className={buttonClasses({ variant: "ghost" })}
            >
              JSON
            </a>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card as="article" aria-label={`Version ${version.number} of ${version.title}`} className="p-6">
          <PublishedVersion html={version.html} />
        </Card>
        <Card aria-labelledby="approvals-heading">
          <CardHeader
            id="approvals-heading"
            title="Approvals at publication"
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
