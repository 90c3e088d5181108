import { auditEventsResponse } from "@/server/audit/audit-events-response";
import { apiRoute } from "@/server/http/api-route";

type Params = { workspaceId: string };

/** The workspace's audit trail (owners and reviewers), filtered and paged, or as CSV. Read-only: no other method exists. */
export const GET = apiRoute<Params>(({ request, params, actor }) =>
  auditEventsResponse(request, actor, { workspaceId: params.workspaceId }),
);
