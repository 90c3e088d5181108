import { auditEventsResponse } from "@/server/audit/audit-events-response";
import { apiRoute } from "@/server/http/api-route";

type Params = { assessmentId: string };

/** One assessment's audit trail (any member), filtered and paged, or as CSV. Read-only: no other method exists. */
export const GET = apiRoute<Params>(({ request, params, actor }) =>
  auditEventsResponse(request, actor, { assessmentId: params.assessmentId }),
);
