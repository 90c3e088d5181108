import type { Metadata } from "next";
import Link from "next/link";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { auditQueryInput, canViewWorkspaceAudit, listAuditEventsQuery } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { toFieldErrors } from "@/server/http/parse-input";
import { listMembers } from "@/server/members/list-members";
import { loadWorkspacePage } from "../../../_lib/load-workspace-page";

export const metadata: Metadata = { title: "Audit trail" };

const FILTER_NAMES = ["action", "actorId", "targetType", "from", "to"] as const;

/** The URL query of the current filters plus `extra`, for the CSV and paging links. */
function withFilters(filters: Record<string, string>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.size > 0 ? `?${params}` : "";
}

/** Who did what in the workspace (owners and reviewers): filter, page back in time, download CSV. */
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const path = `/w/${workspaceId}/audit`;
  const { actor, workspace } = await loadWorkspacePage(workspaceId, path);
  const input = auditQueryInput(await searchParams);
  const header = (
    <PageHeader
      eyebrow={workspace.name}
      title="Audit trail"
      description="Every recorded change in this workspace, newest first. Events cannot be edited or deleted."
      actions={
        canViewWorkspaceAudit(workspace.role) ? (
          <a
            href={`/api/v1/workspaces/${workspaceId}/audit-events${withFilters(input, { format: "csv" })}`}
            download
            className={buttonClasses({ variant: "secondary" })}
          >
            Download CSV
          </a>
        ) : null
      }
    />
  );
  if (!canViewWorkspaceAudit(workspace.role)) {
    return (
      <>
        {header}
        <Alert tone="info" title="Only owners and reviewers see the workspace's audit trail.">
          Each assessment's own history is available to every member through the API.
        </Alert>
      </>
    );
  }

  const parsed = listAuditEventsQuery.safeParse(input);
  const members = await listMembers({ actor, workspaceId });
  const form = (
    <AuditFilterForm
      action={path}
      values={input}
      people={members.map((member) => ({ id: member.userId, name: member.name }))}
    />
  );
  if (!parsed.success) {
    const messages = Object.values(toFieldErrors(parsed.error)).flat();
    return (
      <>
        {header}
        {form}
        <Alert tone="error" title="Some filters are not valid.">
          <ul>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      </>
    );
  }
  const page = await listAuditEvents({ actor, view: { workspaceId }, query: { ...parsed.data, format: undefined } });
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
