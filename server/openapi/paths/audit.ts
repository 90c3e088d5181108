import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { auditEventPage, listAuditEventsQuery } from "@/lib/schemas/audit";
import { errorResponses } from "../registry";

const TAG = ["Audit trail"];

const pageOrCsv = {
  description: "A page of events (JSON), or with `format=csv` every matching event as a download.",
  content: {
    "application/json": { schema: auditEventPage },
    "text/csv": {
      schema: z
        .string()
        .describe(
          "Columns id, created_at, actor_id, actor_name, action, target_type, target_id, target_label, data (JSON). " +
            "Cells starting with =, +, -, @, a tab or a carriage return get a leading ' so spreadsheets do not run them.",
        ),
    },
  },
};

const FILTERS =
  "Newest first; filter by action (exact, or a prefix ending in a dot), actor, target type and time; page with `before` " +
  "= the previous page's `nextCursor`. The trail is append-only: no route changes or deletes an event.";

/** The audit trail: read-only views of a workspace and of an assessment. */
export function registerAuditPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/audit-events",
    tags: TAG,
    summary: "A workspace's audit trail",
    description:
      `Owners and reviewers (403 for analysts and viewers); reviewers do not see invitation events, which hold ` +
      `invitees' e-mail addresses. Events without a workspace (API tokens, accounts) are not included. ${FILTERS}`,
    request: { params: z.object({ workspaceId: z.uuid() }), query: listAuditEventsQuery },
    responses: { 200: pageOrCsv, ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/audit-events",
    tags: TAG,
    summary: "An assessment's audit trail",
    description:
      "Any member of its workspace. The events on the assessment itself and every event whose `data.assessmentId` " +
      `names it (judgements, reviews, comments). ${FILTERS}`,
    request: { params: z.object({ assessmentId: z.uuid() }), query: listAuditEventsQuery },
    responses: { 200: pageOrCsv, ...errorResponses("bad_request", "unauthorized", "not_found") },
  });
}
