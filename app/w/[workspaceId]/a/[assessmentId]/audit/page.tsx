import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveAssessmentRefresh } from "@/components/assessments/live-assessment-refresh";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTrailView, auditFilterQuery } from "@/components/audit/audit-trail-view";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { auditQueryInput, listAuditEventsQuery } from "@/lib/schemas/audit";
import { getAssessment } from "@/server/assessments/get-assessment";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { requireSessionActor } from "@/server/auth/session";
import { toFieldErrors } from "@/server/http/parse-input";
import { listMembers } from "@/server/members/list-members";
import { loadOrNotFound } from "../../../../../_lib/load-or-not-found";

export const metadata: Metadata = { title: "Assessment audit trail" };

/**
 * One assessment's audit trail, for every member: its status changes, review requests and
 * publications, and every verdict and comment on its judgements. Filter, page back, download CSV.
 * Live: events anyone records appear without a reload.
 */
export default async function AssessmentAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; assessmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId, assessmentId } = await params;
  const base = `/w/${workspaceId}/a/${assessmentId}`;
  const path = `${base}/audit`;
  const actor = await requireSessionActor(path);
  const assessment = await loadOrNotFound(getAssessment({ actor, assessmentId }));
  if (assessment.workspaceId !== workspaceId) notFound();
  const input = auditQueryInput(await searchParams);
  const members = await listMembers({ actor, workspaceId });
  const header = (
    <>
      {/* Whatever anyone records on the assessment shows here at once; the filter form keeps what was typed. */}
      <LiveAssessmentRefresh
        assessmentId={assessment.id}
        userId={actor.id}
        kinds={["assessment", "history", "reviews", "comments", "forecasts"]}
        announcement="Audit trail updated"
      />
      <PageHeader
        eyebrow={<Link href={base}>{assessment.title}</Link>}
        title="Audit trail"
        description="Every recorded change to this assessment, newest first. Events cannot be edited or deleted."
        actions={
          <a
            href={`/api/v1/assessments/${assessmentId}/audit-events${auditFilterQuery(input, { format: "csv" })}`}
            download
            className={buttonClasses({ variant: "secondary" })}
          >
            Download CSV
          </a>
        }
      />
    </>
  );
  const parsed = listAuditEventsQuery.safeParse(input);
  const fieldErrors = parsed.success ? {} : toFieldErrors(parsed.error);
  const form = (
    <AuditFilterForm
      action={path}
      values={input}
      errors={fieldErrors}
      people={members.map((member) => ({ id: member.userId, name: member.name }))}
    />
  );
  if (!parsed.success) {
    return <AuditTrailView header={header} form={form} path={path} filters={input} errors={fieldErrors} />;
  }
  const page = await listAuditEvents({ actor, view: { assessmentId }, query: { ...parsed.data, format: undefined } });
  return (
    <AuditTrailView
      header={header}
      form={form}
      path={path}
      filters={input}
      events={page.events}
      isFirstPage={!parsed.data.before}
      nextCursor={page.nextCursor}
    />
  );
}
