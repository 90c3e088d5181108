import type { ErrorCode } from "@/lib/errors";
import { type RestRule, ruleLabel } from "../authorization-matrix";
import type { MatrixWorld } from "./matrix-world";
import type { CellRequest } from "./rest-case";

const W = "/api/v1/workspaces/{workspaceId}";
const A = "/api/v1/assessments/{assessmentId}";

/** A call by the other team's member, and what it must get: any 404 `not_found:*`, or exactly `code`. */
export interface CrossTeamProbe {
  request: CellRequest;
  expected: "not_found" | ErrorCode;
}

/**
 * Rows whose body names records: the other team's member, acting in their own workspace (where
 * their role lets them write), cites this team's records. They must be refused as unknown.
 */
const BODY_PROBES: Record<string, (world: MatrixWorld) => CrossTeamProbe> = {
  [`POST ${W}/observations`]: (world) => ({
    request: {
      params: { workspaceId: world.elsewhere.workspaceId },
      body: {
        summary: "About 50 rail cars at the Tikhoretsk depot",
        observed: { precision: "month", month: "2024-04" },
        credibility: 2,
        sourceIds: [world.shared.source.id],
        siteId: world.shared.site.id,
      },
    },
    expected: "bad_request:validation",
  }),
  [`POST ${A}/review-requests`]: (world) => ({
    request: {
      params: { assessmentId: world.elsewhere.assessmentId },
      body: { reviewerIds: [world.team.reviewer.id] },
    },
    expected: "bad_request:validation",
  }),
};

/**
 * The classic insecure direct object reference: the other team's member puts the id of their
 * own workspace (or assessment), where they are owner, in the path beside this team's record
 * ids. Every such call must be a 404, exactly as for ids that do not exist, and change nothing.
 * Null for rows with no record id below the workspace or assessment (and for leaving oneself).
 */
export function crossTeamProbe(rule: RestRule, request: CellRequest, world: MatrixWorld): CrossTeamProbe | null {
  // Rows that refuse everyone alike (immutable versions) have nothing to probe.
  if (rule.outcomes.outsider.status !== 404) return null;
  const bodyProbe = BODY_PROBES[ruleLabel(rule)];
  if (bodyProbe) return bodyProbe(world);
  const params = request.params ?? {};
  const recordIds = Object.keys(params).filter(
    (name) => name !== "workspaceId" && name !== "assessmentId" && rule.path.includes(`{${name}}`),
  );
  if (recordIds.length === 0 || params.userId === world.outsider.id) return null;
  let own: Record<string, string> | null = null;
  if ("workspaceId" in params) own = { workspaceId: world.elsewhere.workspaceId };
  else if ("assessmentId" in params) own = { assessmentId: world.elsewhere.assessmentId };
  return own ? { request: { ...request, params: { ...params, ...own } }, expected: "not_found" } : null;
}
