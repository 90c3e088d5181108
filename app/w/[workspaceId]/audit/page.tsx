import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTrailView, auditFilterQuery } from "@/components/audit/audit-trail-view";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { auditQueryInput, canViewWorkspaceAudit, listAuditEventsQuery } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { toFieldErrors } from "@/server/http/parse-input";
import { listMembers } from "@/server/members/list-members";
import { loadWorkspacePage } from "../../../_lib/load-workspace-page";

export const metadata: Metadata = { title: "Audit trail" };

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
            href={`/api/v1/workspaces/${workspaceId}/audit-events${auditFilterQuery(input, { format: "csv" })}`}
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

  const members = await listMembers({ actor, workspaceId });
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
  const page = await listAuditEvents({ actor, view: { workspaceId }, query: { ...parsed.data, format: undefined } });
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
