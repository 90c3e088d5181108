import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { auditQueryInput, listAuditEventsQuery } from "@/lib/schemas/audit";
import { getAssessment } from "@/server/assessments/get-assessment";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { requireSessionActor } from "@/server/auth/session";
import { toFieldErrors } from "@/server/http/parse-input";
import { listMembers } from "@/server/members/list-members";
import { loadOrNotFound } from "../../../../../_lib/load-or-not-found";

export const metadata: Metadata = { title: "Assessment audit trail" };

const FILTER_NAMES = ["action", "actorId", "targetType", "from", "to"] as const;

/** The URL query of the current filters plus `extra`, for the CSV and paging links. */
function withFilters(filters: Record<string, string>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.size > 0 ? `?${params}` : "";
}

/**
 * One assessment's audit trail, for every member: its status changes, review requests and
 * publications, and every verdict and comment on its judgements. Filter, page back, download CSV.
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
    <PageHeader
      eyebrow={<Link href={base}>{assessment.title}</Link>}
      title="Audit trail"
      description="Every recorded change to this assessment, newest first. Events cannot be edited or deleted."
      actions={
        <a
          href={`/api/v1/assessments/${assessmentId}/audit-events${withFilters(input, { format: "csv" })}`}
          download
          className={buttonClasses({ variant: "secondary" })}
        >
          Download CSV
        </a>
      }
    />
  );
  const form = (
    <AuditFilterForm
      action={path}
      values={input}
      people={members.map((member) => ({ id: member.userId, name: member.name }))}
    />
  );
  const parsed = listAuditEventsQuery.safeParse(input);
  if (!parsed.success) {
    return (
      <>
        {header}
        {form}
        <Alert tone="error" title="Some filters are not valid.">
          <ul>
            {Object.values(toFieldErrors(parsed.error))
              .flat()
              .map((message) => (
                <li key={message}>{message}</li>
              ))}
          </ul>
        </Alert>
      </>
    );
  }
  const page = await listAuditEvents({ actor, view: { assessmentId }, query: { ...parsed.data, format: undefined } });
  return (
    <>
      {header}
      {form}
      <Card aria-label="Audit events">
        <AuditEventsTable events={page.events} />
      </Card>
      <nav aria-label="Audit pages" className="mt-4 flex gap-2">
        {parsed.data.before ? (
          <Link href={`${path}${withFilters(input)}`} className={buttonClasses({ variant: "ghost" })}>
            Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link
            href={`${path}${withFilters(input, { before: String(page.nextCursor) })}`}
            className={buttonClasses({ variant: "secondary" })}
          >
            Older
          </Link>
        ) : null}
      </nav>
    </>
  );
}
