import { COLLAB_NAMESPACE } from "@/lib/collab/protocol";
import type { ErrorCode } from "@/lib/errors";
import { LIBRARY_NAMESPACE } from "@/lib/realtime/library-protocol";
import { NOTIFICATIONS_NAMESPACE } from "@/lib/realtime/notifications-protocol";
import type { WorkspaceRole } from "@/lib/roles";
import {
  accepted,
  analystsOwn,
  anyUser,
  everyone,
  members,
  no,
  type Outcomes,
  ok,
  type RestOutcome,
  refused,
  roles,
  type SocketOutcome,
  socket,
} from "./matrix-outcomes";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

/** One REST route (a method exported by an `app/**\/route.ts`), or one case of it, for every kind of caller. */
export interface RestRule {
  method: HttpMethod;
  /** The route's path pattern: `app/` folders with `[param]` written `{param}`. */
  path: string;
  /** What exactly is asked, when the route does several things with different rules. */
  case?: string;
  outcomes: Outcomes<RestOutcome>;
}

/** One Socket.io event a client sends (or `connect`: the handshake), for every kind of caller. */
export interface SocketRule {
  namespace: string;
  event: string;
  case?: string;
  outcomes: Outcomes<SocketOutcome>;
}

const WRITERS = ["owner", "analyst"] as const;
const A = "/api/v1/assessments/{assessmentId}";
const W = "/api/v1/workspaces/{workspaceId}";
const O = `${W}/observations/{observationId}`;

/** Any member of the workspace; other teams get the 404 of `hidden`. */
const workspaceMembers = (status: 200 | 201 | 204) => members(status, "not_found:workspace");
const assessmentMembers = (status: 200 | 201 | 204) => members(status, "not_found:assessment");
/** Workspace administration: owners only. */
const owners = (status: 200 | 201 | 204) =>
  roles(["owner"], status, { forbidden: "forbidden:workspace", hidden: "not_found:workspace" });
/** Writing the evidence library: owners and analysts. */
const libraryWriters = (status: 200 | 201 | 204, hidden: ErrorCode) =>
  roles(WRITERS, status, { forbidden: "forbidden:evidence", hidden });
/** A lifecycle step or review: `allowed` roles, other members `forbidden`. */
const assessmentStep = (allowed: readonly WorkspaceRole[], status: 200 | 201, forbidden: ErrorCode) =>
  roles(allowed, status, { forbidden, hidden: "not_found:assessment" });
/** Published versions are immutable: refused before anyone is asked who they are. */
const immutable = everyone(no("method_not_allowed:version"));

/** The five routes of one kind of library record. */
const libraryRecords = (collection: string, record: string, kind: "source" | "site" | "observation"): RestRule[] => [
  { method: "GET", path: `${W}/${collection}`, outcomes: workspaceMembers(200) },
  { method: "POST", path: `${W}/${collection}`, outcomes: libraryWriters(201, "not_found:workspace") },
  { method: "GET", path: `${W}/${collection}/${record}`, outcomes: members(200, `not_found:${kind}`) },
  { method: "PATCH", path: `${W}/${collection}/${record}`, outcomes: libraryWriters(200, `not_found:${kind}`) },
  { method: "GET", path: `${W}/${collection}/${record}/revisions`, outcomes: members(200, `not_found:${kind}`) },
];

/**
 * Who may call which REST route, and exactly what everyone else gets. The resource always belongs
 * to the workspace whose roles the columns name; records that belong to one person (a token, a
 * notification, a comment) are the analyst's. A route that does several things under different
 * rules has a row per `case`. `authorization-matrix.test.ts` calls every cell.
 */
export const REST_AUTHORIZATION: readonly RestRule[] = [
  // Public: next-auth's own endpoints (CSRF-protected), health, the API description, sign-up.
  { method: "GET", path: "/api/auth/{...nextauth}", case: "session", outcomes: everyone(ok(200)) },
  {
    method: "POST",
    path: "/api/auth/{...nextauth}",
    case: "sign-in without the CSRF token",
    outcomes: everyone({ allowed: false, status: 302, location: "/api/auth/signin?csrf=true" }),
  },
  { method: "GET", path: "/api/health", outcomes: everyone(ok(200)) },
  { method: "GET", path: "/api/v1/openapi.json", outcomes: everyone(ok(200)) },
  { method: "POST", path: "/api/v1/sign-up", outcomes: everyone(ok(201)) },

  // The caller's own account: any signed-in user, each seeing only their own.
  { method: "GET", path: "/api/v1/me", outcomes: anyUser(ok(200)) },
  { method: "GET", path: "/api/v1/workspaces", outcomes: anyUser(ok(200)) },
  { method: "POST", path: "/api/v1/workspaces", outcomes: anyUser(ok(201)) },
  { method: "GET", path: "/api/v1/tokens", outcomes: anyUser(ok(200)) },
  { method: "POST", path: "/api/v1/tokens", outcomes: anyUser(ok(201)) },
  {
    method: "DELETE",
    path: "/api/v1/tokens/{tokenId}",
    case: "the analyst's token",
    outcomes: analystsOwn(204, "not_found:api_token"),
  },
  { method: "POST", path: "/api/v1/invitations/accept", case: "a pending link", outcomes: anyUser(ok(200)) },
  { method: "GET", path: "/api/v1/notifications", outcomes: anyUser(ok(200)) },
  { method: "GET", path: "/api/v1/notifications/unread-count", outcomes: anyUser(ok(200)) },
  // Search: any signed-in user, hits only from their own workspaces (server/search/).
  { method: "GET", path: "/api/v1/search", outcomes: anyUser(ok(200)) },
  { method: "POST", path: "/api/v1/notifications/read-all", outcomes: anyUser(ok(200)) },
  {
    method: "POST",
    path: "/api/v1/notifications/{notificationId}/read",
    case: "the analyst's notification",
    outcomes: analystsOwn(200, "not_found:notification"),
  },

  // The workspace, its members and invitation links.
  { method: "GET", path: W, outcomes: workspaceMembers(200) },
  { method: "PATCH", path: W, case: "rename", outcomes: owners(200) },
  { method: "PATCH", path: W, case: "review rules", outcomes: owners(200) },
  {
    method: "GET",
    path: `${W}/audit-events`,
    outcomes: roles(["owner", "reviewer"], 200, { forbidden: "forbidden:audit", hidden: "not_found:workspace" }),
  },
  { method: "GET", path: `${W}/members`, outcomes: workspaceMembers(200) },
  { method: "POST", path: `${W}/members`, outcomes: owners(201) },
  { method: "PATCH", path: `${W}/members/{userId}`, outcomes: owners(200) },
  { method: "DELETE", path: `${W}/members/{userId}`, case: "another member", outcomes: owners(204) },
  // Leaving: an owner only while another owner remains (else 409 `conflict:last_owner`).
  { method: "DELETE", path: `${W}/members/{userId}`, case: "oneself", outcomes: workspaceMembers(204) },
  { method: "GET", path: `${W}/invitations`, outcomes: owners(200) },
  { method: "POST", path: `${W}/invitations`, outcomes: owners(201) },
  { method: "DELETE", path: `${W}/invitations/{invitationId}`, outcomes: owners(204) },

  // The evidence library: every member reads it, owners and analysts write it.
  { method: "GET", path: `${W}/evidence/conflicts`, outcomes: workspaceMembers(200) },
  { method: "GET", path: `${W}/evidence/export`, outcomes: workspaceMembers(200) },
  { method: "POST", path: `${W}/evidence/import`, outcomes: libraryWriters(200, "not_found:workspace") },
  ...libraryRecords("sources", "{sourceId}", "source"),
  ...libraryRecords("sites", "{siteId}", "site"),
  ...libraryRecords("observations", "{observationId}", "observation"),
  { method: "POST", path: `${O}/retract`, outcomes: libraryWriters(200, "not_found:observation") },
  { method: "GET", path: `${O}/attachments`, outcomes: members(200, "not_found:observation") },
  { method: "POST", path: `${O}/attachments`, outcomes: libraryWriters(201, "not_found:observation") },
  { method: "GET", path: `${O}/attachments/{attachmentId}`, outcomes: members(200, "not_found:observation") },
  { method: "DELETE", path: `${O}/attachments/{attachmentId}`, outcomes: libraryWriters(204, "not_found:observation") },

  // Assessments: every member reads, owners and analysts write.
  { method: "GET", path: `${W}/assessments`, outcomes: workspaceMembers(200) },
  {
    method: "POST",
    path: `${W}/assessments`,
    outcomes: roles(WRITERS, 201, { forbidden: "forbidden:assessment", hidden: "not_found:workspace" }),
  },
  { method: "GET", path: A, outcomes: assessmentMembers(200) },
  { method: "PATCH", path: A, case: "title", outcomes: assessmentStep(WRITERS, 200, "forbidden:assessment") },
  { method: "PATCH", path: A, case: "archive", outcomes: assessmentStep(WRITERS, 200, "forbidden:assessment") },
  { method: "GET", path: `${A}/audit-events`, outcomes: assessmentMembers(200) },
  { method: "GET", path: `${A}/judgements`, outcomes: assessmentMembers(200) },
  { method: "GET", path: `${A}/findings`, outcomes: assessmentMembers(200) },

  // Comments: every member comments; only authors change their words; a thread is closed or
  // reopened by its author, owners and reviewers.
  { method: "GET", path: `${A}/comment-threads`, outcomes: assessmentMembers(200) },
  { method: "POST", path: `${A}/comment-threads`, case: "not blocking", outcomes: assessmentMembers(201) },
  {
    method: "POST",
    path: `${A}/comment-threads`,
    case: "blocking",
    outcomes: assessmentStep(["owner", "analyst", "reviewer"], 201, "forbidden:comment_thread"),
  },
  { method: "POST", path: `${A}/comment-threads/{threadId}/comments`, outcomes: assessmentMembers(201) },
  ...(["PATCH", "DELETE"] as const).map(
    (method): RestRule => ({
      method,
      path: `${A}/comment-threads/{threadId}/comments/{commentId}`,
      case: "the analyst's comment",
      outcomes: { ...analystsOwn(200, "forbidden:comment"), outsider: no("not_found:assessment") },
    }),
  ),
  // Moving an anchor onto text an undo restored follows a text edit: writers only.
  {
    method: "PUT",
    path: `${A}/comment-threads/{threadId}/anchor`,
    outcomes: assessmentStep(WRITERS, 200, "forbidden:comment_thread"),
  },
  ...["resolve", "reopen"].flatMap((verb): RestRule[] => [
    {
      method: "POST",
      path: `${A}/comment-threads/{threadId}/${verb}`,
      case: "the analyst's thread",
      outcomes: assessmentStep(["owner", "analyst", "reviewer"], 200, "forbidden:comment_thread"),
    },
    {
      method: "POST",
      path: `${A}/comment-threads/{threadId}/${verb}`,
      case: "a reviewer's thread",
      outcomes: assessmentStep(["owner", "reviewer"], 200, "forbidden:comment_thread"),
    },
  ]),

  // Reviews and the lifecycle (lib/lifecycle/lifecycle-rules.ts).
  { method: "GET", path: `${A}/reviews`, outcomes: assessmentMembers(200) },
  {
    method: "POST",
    path: `${A}/judgements/{judgementId}/reviews`,
    outcomes: assessmentStep(["owner", "reviewer"], 201, "forbidden:review"),
  },
  // Forecasts: writers set them, owners and reviewers record outcomes, every member reads them.
  { method: "GET", path: `${A}/forecasts`, outcomes: assessmentMembers(200) },
  { method: "GET", path: `${A}/judgements/{judgementId}/forecast`, outcomes: assessmentMembers(200) },
  {
    method: "PUT",
    path: `${A}/judgements/{judgementId}/forecast`,
    outcomes: assessmentStep(WRITERS, 200, "forbidden:forecast"),
  },
  {
    method: "DELETE",
    path: `${A}/judgements/{judgementId}/forecast`,
    outcomes: roles(WRITERS, 204, { forbidden: "forbidden:forecast", hidden: "not_found:assessment" }),
  },
  {
    method: "POST",
    path: `${A}/judgements/{judgementId}/forecast/outcome`,
    outcomes: assessmentStep(["owner", "reviewer"], 200, "forbidden:forecast_outcome"),
  },
  { method: "GET", path: `${W}/forecasts`, outcomes: workspaceMembers(200) },
  { method: "GET", path: `${W}/calibration`, outcomes: workspaceMembers(200) },
  { method: "GET", path: `${A}/review-requests`, outcomes: assessmentMembers(200) },
  { method: "POST", path: `${A}/review-requests`, outcomes: assessmentStep(WRITERS, 201, "forbidden:review_request") },
  { method: "GET", path: `${A}/status`, outcomes: assessmentMembers(200) },
  {
    method: "POST",
    path: `${A}/status`,
    case: "approve",
    outcomes: assessmentStep(["owner", "reviewer"], 200, "forbidden:approve_assessment"),
  },
  {
    method: "POST",
    path: `${A}/status`,
    case: "withdraw to draft",
    outcomes: assessmentStep(WRITERS, 200, "forbidden:withdraw_review"),
  },
  {
    method: "POST",
    path: `${A}/status`,
    case: "start a new draft",
    outcomes: assessmentStep(WRITERS, 200, "forbidden:start_draft"),
  },
  { method: "POST", path: `${A}/publish`, outcomes: assessmentStep(["owner"], 201, "forbidden:publish") },
  { method: "GET", path: `${A}/versions`, outcomes: assessmentMembers(200) },
  { method: "GET", path: `${A}/versions/{number}`, outcomes: assessmentMembers(200) },
  { method: "GET", path: `${A}/versions/{number}/export`, outcomes: assessmentMembers(200) },
  // Version history (server/history/*): naming and restoring are writing; comparing is reading.
  { method: "POST", path: `${A}/versions`, outcomes: assessmentStep(WRITERS, 201, "forbidden:version") },
  { method: "GET", path: `${A}/versions/compare`, outcomes: assessmentMembers(200) },
  {
    method: "POST",
    path: `${A}/versions/{number}/restore`,
    outcomes: assessmentStep(WRITERS, 201, "forbidden:version"),
  },
  ...(["PUT", "PATCH", "DELETE"] as const).map(
    (method): RestRule => ({
      method,
      path: `${A}/versions`,
      outcomes: immutable,
    }),
  ),
  ...(["POST", "PUT", "PATCH", "DELETE"] as const).map(
    (method): RestRule => ({
      method,
      path: `${A}/versions/{number}`,
      outcomes: immutable,
    }),
  ),
];

const connected = socket({
  owner: accepted(),
  analyst: accepted(),
  reviewer: accepted(),
  viewer: accepted(),
  outsider: accepted(),
});
const joined = (outsider: SocketOutcome) =>
  socket({ owner: accepted(), analyst: accepted(), reviewer: accepted(), viewer: accepted(), outsider });

/**
 * Who may send which Socket.io event. The document is an assessment of the workspace, the library
 * that workspace's; each caller has joined (or tried to join) it first.
 */
export const SOCKET_AUTHORIZATION: readonly SocketRule[] = [
  // The main namespace has no events; its handshake is authenticated all the same.
  { namespace: "/", event: "connect", outcomes: connected },
  { namespace: COLLAB_NAMESPACE, event: "connect", outcomes: connected },
  {
    namespace: COLLAB_NAMESPACE,
    event: "doc:join",
    outcomes: socket({
      owner: accepted(false),
      analyst: accepted(false),
      reviewer: accepted(true),
      viewer: accepted(true),
      outsider: refused("not_found"),
    }),
  },
  { namespace: COLLAB_NAMESPACE, event: "doc:sync", case: "sync step 1", outcomes: joined(refused("not_joined")) },
  {
    namespace: COLLAB_NAMESPACE,
    event: "doc:sync",
    case: "update",
    outcomes: socket({
      owner: accepted(),
      analyst: accepted(),
      reviewer: refused("forbidden"),
      viewer: refused("forbidden"),
      outsider: refused("not_joined"),
    }),
  },
  { namespace: COLLAB_NAMESPACE, event: "doc:awareness", outcomes: joined(refused("not_joined")) },
  { namespace: COLLAB_NAMESPACE, event: "doc:leave", outcomes: connected },
  { namespace: LIBRARY_NAMESPACE, event: "connect", outcomes: connected },
  { namespace: LIBRARY_NAMESPACE, event: "library:watch", outcomes: joined(refused("not_found:workspace")) },
  { namespace: LIBRARY_NAMESPACE, event: "library:unwatch", outcomes: connected },
  { namespace: NOTIFICATIONS_NAMESPACE, event: "connect", outcomes: connected },
];

/** A row's label: method (or namespace and event), path and case. */
export function ruleLabel(rule: RestRule | SocketRule): string {
  const base = "method" in rule ? `${rule.method} ${rule.path}` : `${rule.namespace} ${rule.event}`;
  return rule.case ? `${base} (${rule.case})` : base;
}
