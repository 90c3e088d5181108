import { auditQueryInput, listAuditEventsQuery } from "@/lib/schemas/audit";
import type { Actor } from "../auth/actor";
import { parseInput } from "../http/parse-input";
import { exportAuditEventsCsv } from "./export-audit-events";
import { type AuditView, listAuditEvents } from "./list-audit-events";

/**
 * The response of both `GET …/audit-events` routes: a JSON page, or with `format=csv` every
 * matching event as a download named after the view.
 */
export async function auditEventsResponse(request: Request, actor: Actor, view: AuditView): Promise<Response> {
  const query = parseInput(listAuditEventsQuery, auditQueryInput(new URL(request.url).searchParams));
  if (query.format !== "csv") return Response.json(await listAuditEvents({ actor, view, query }));
  const csv = await exportAuditEventsCsv({ actor, view, query });
  const name = "assessmentId" in view ? `audit-assessment-${view.assessmentId}` : `audit-workspace-${view.workspaceId}`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
    },
  });
}
