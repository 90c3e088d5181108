import { ERROR_KINDS, type ErrorCode, type ErrorKind } from "@/lib/errors";
import { WORKSPACE_ROLES, type WorkspaceRole } from "@/lib/roles";

/**
 * Who can be asking, as the authorization matrix sees them: the four roles of the workspace that
 * holds the resource, a signed-in member of another workspace, and three kinds of caller without
 * valid credentials.
 */
export const ACTOR_KINDS = [...WORKSPACE_ROLES, "outsider", "anonymous", "revoked_token", "expired_session"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTOR_LABELS: Record<ActorKind, string> = {
  owner: "owner",
  analyst: "analyst",
  reviewer: "reviewer",
  viewer: "viewer",
  outsider: "other team",
  anonymous: "anonymous",
  revoked_token: "revoked token",
  expired_session: "expired session",
};

/** What an HTTP request gets: a 2xx, an error body with its code, or next-auth's redirect. */
export type RestOutcome =
  | { allowed: true; status: 200 | 201 | 204 }
  | { allowed: false; status: number; code: ErrorCode }
  | { allowed: false; status: 302; location: string };

/** What a Socket.io connection or event gets: accepted, an error (ack or `doc:error`), or no connection. */
export type SocketOutcome =
  | { allowed: true; readOnly?: boolean }
  | { allowed: false; error: string }
  | { allowed: false; connectError: string };

export type Outcomes<O> = Record<ActorKind, O>;

/** Allowed, answered with `status`. */
export function ok(status: 200 | 201 | 204): RestOutcome {
  return { allowed: true, status };
}

/** Refused with `code`, whose kind gives the HTTP status (lib/errors.ts). */
export function no(code: ErrorCode): RestOutcome {
  return { allowed: false, status: ERROR_KINDS[code.split(":")[0] as ErrorKind], code };
}

/** Callers without valid credentials on an authenticated route. */
const SIGNED_OUT = {
  anonymous: no("unauthorized:session"),
  revoked_token: no("unauthorized:token"),
  expired_session: no("unauthorized:session"),
} satisfies Partial<Outcomes<RestOutcome>>;

/** The same outcome for every caller, signed in or not (public routes). */
export function everyone(outcome: RestOutcome): Outcomes<RestOutcome> {
  return Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, outcome])) as Outcomes<RestOutcome>;
}

/** Every signed-in user gets `outcome` (routes about the caller's own account); the rest 401. */
export function anyUser(outcome: RestOutcome): Outcomes<RestOutcome> {
  return { ...everyone(outcome), ...SIGNED_OUT };
}

/**
 * Resources of one workspace: members whose role is in `roles` get `status`, other members
 * `forbidden`, members of other workspaces `hidden` (a 404, exactly as for an unknown id), and
 * callers without valid credentials 401.
 */
export function roles(
  allowed: readonly WorkspaceRole[],
  status: 200 | 201 | 204,
  refusals: { forbidden?: ErrorCode; hidden: ErrorCode },
): Outcomes<RestOutcome> {
  const byRole = Object.fromEntries(
    WORKSPACE_ROLES.map((role) => {
      if (allowed.includes(role)) return [role, ok(status)];
      if (!refusals.forbidden) throw new Error(`no refusal given for ${role}`);
      return [role, no(refusals.forbidden)];
    }),
  ) as Record<WorkspaceRole, RestOutcome>;
  return { ...byRole, outsider: no(refusals.hidden), ...SIGNED_OUT };
}

/** Every member of the workspace gets `status`; others as in `roles`. */
export function members(status: 200 | 201 | 204, hidden: ErrorCode): Outcomes<RestOutcome> {
  return roles(WORKSPACE_ROLES, status, { hidden });
}

/**
 * Records that belong to one user (the analyst, in the matrix): only they get `status`; anyone
 * else signed in gets `refusal`, whatever their role.
 */
export function analystsOwn(status: 200 | 201 | 204, refusal: ErrorCode): Outcomes<RestOutcome> {
  return { ...anyUser(no(refusal)), analyst: ok(status) };
}

/** Callers without valid credentials are refused at the Socket.io handshake, before any event. */
const SOCKET_SIGNED_OUT = {
  anonymous: { allowed: false, connectError: "unauthorized" },
  revoked_token: { allowed: false, connectError: "unauthorized" },
  expired_session: { allowed: false, connectError: "unauthorized" },
} satisfies Partial<Outcomes<SocketOutcome>>;

/**
 * A Socket.io event or connection: `byCaller` for the five signed-in kinds (members and the other
 * team's member); callers without valid credentials never get past the handshake.
 */
export function socket(byCaller: Record<WorkspaceRole | "outsider", SocketOutcome>): Outcomes<SocketOutcome> {
  return { ...byCaller, ...SOCKET_SIGNED_OUT };
}

/** Accepted (`readOnly` when the join says so). */
export function accepted(readOnly?: boolean): SocketOutcome {
  return readOnly === undefined ? { allowed: true } : { allowed: true, readOnly };
}

/** Refused with an error ack or `doc:error` carrying `error`. */
export function refused(error: string): SocketOutcome {
  return { allowed: false, error };
}
