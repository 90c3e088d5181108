import { encode } from "next-auth/jwt";
import type { Actor } from "../../auth/actor";
import { sessionCookieName } from "../../auth/session";
import { createTestDocument } from "../../collab/testing/start-collab-test-server";
import { env } from "../../env";
import { setTestForecast } from "../../forecasts/forecast-test-helpers";
import { createTestTeam, createTestUser, createTestWorkspace } from "../../testing/factories";
import { createTestSessionCookie } from "../../testing/route-test-helpers";
import { authenticateApiToken } from "../../tokens/authenticate-api-token";
import { createApiToken } from "../../tokens/create-api-token";
import { revokeApiToken } from "../../tokens/revoke-api-token";
import type { ActorKind } from "../matrix-outcomes";
import { type MatrixFixtures, type MatrixTeam, matrixFixtures } from "./matrix-fixtures";

/** How a kind of caller authenticates: HTTP headers (REST and the Socket.io handshake) or an API token. */
export interface Credentials {
  headers: Record<string, string>;
  /** An API token secret (sent as `Authorization: Bearer` or in the handshake's `auth.token`). */
  token?: string;
}

async function signedIn(user: Actor): Promise<Credentials> {
  // A browser sends its own origin with every state-changing request.
  return { headers: { cookie: await createTestSessionCookie(user), origin: env().publicUrl } };
}

/** The owner's session cookie signed exactly like `signedIn`'s (which the owner column shows working), but expired an hour ago. */
async function expiredSession(user: Actor): Promise<Credentials> {
  const jwt = await encode({ token: { sub: user.id, email: user.email }, secret: env().authSecret, maxAge: -3600 });
  return { headers: { cookie: `${sessionCookieName()}=${jwt}`, origin: env().publicUrl } };
}

/** An API token of the owner that worked until it was revoked through the domain function. */
async function revokedToken(user: Actor): Promise<Credentials> {
  const { token, secret } = await createApiToken({ actor: user, name: "revoked script" });
  if (!(await authenticateApiToken(secret))) throw new Error("a new API token does not authenticate");
  await revokeApiToken({ actor: user, tokenId: token.id });
  return { headers: { authorization: `Bearer ${secret}` }, token: secret };
}

/**
 * The world every cell of the matrix runs in: a team (with a second owner, so owners may leave),
 * a member of another team, credentials for every kind of caller, and one shared record of
 * every kind the routes address. Refused calls use the shared records; allowed calls that change
 * or consume one build their own with `fresh`.
 */
export async function createMatrixWorld() {
  const cast = await createTestTeam();
  const team: MatrixTeam = { workspaceId: cast.workspace.id, ...cast };
  const coOwner = await createTestUser({ name: "Cora Co-owner", workspace: cast.workspace, role: "owner" });
  const outsider = await createTestUser({ name: "Otto Outsider" });
  const outsiderWorkspace = await createTestWorkspace(outsider);
  // Where the other team's member names this team's records from (cross-workspace probes).
  const elsewhere = {
    workspaceId: outsiderWorkspace.id,
    assessmentId: await createTestDocument(outsiderWorkspace.id),
  };
  const actors: Record<ActorKind, Actor | null> = {
    ...{ owner: team.owner, analyst: team.analyst, reviewer: team.reviewer, viewer: team.viewer },
    outsider,
    anonymous: null,
    revoked_token: null,
    expired_session: null,
  };
  const credentials: Record<ActorKind, Credentials> = {
    owner: await signedIn(team.owner),
    analyst: await signedIn(team.analyst),
    reviewer: await signedIn(team.reviewer),
    viewer: await signedIn(team.viewer),
    outsider: await signedIn(outsider),
    anonymous: { headers: {} },
    revoked_token: await revokedToken(team.owner),
    expired_session: await expiredSession(team.owner),
  };

  const fresh: MatrixFixtures = matrixFixtures(team);
  const source = await fresh.source();
  const observation = await fresh.observation(source.id);
  const assessmentId = await fresh.assessment("draft");
  const thread = await fresh.thread(assessmentId);
  const shared = {
    source,
    site: await fresh.site(),
    observation,
    attachment: await fresh.attachment(observation.id),
    assessmentId,
    thread,
    comment: await fresh.comment(assessmentId, thread.id),
    // An unresolved forecast on the key judgement: what forecast reads, changes and outcomes address.
    forecast: await setTestForecast(team.analyst, assessmentId),
    resolvedThread: await fresh.thread(assessmentId, { resolved: true }),
    // A thread whose text was deleted and restored as new characters: what an anchor repair addresses.
    restoredThread: await fresh.restoredThread(),
    reviewerThread: await fresh.thread(assessmentId, { author: team.reviewer }),
    reviewerResolvedThread: await fresh.thread(assessmentId, { author: team.reviewer, resolved: true }),
    inReviewId: await fresh.assessment("in_review"),
    approvedId: await fresh.assessment("approved"),
    publishedId: await fresh.assessment("published"),
    invitation: await fresh.invitation(),
    foreignInvitation: await fresh.foreignInvitation(),
    candidate: await fresh.user(),
    member: await fresh.member(),
    analystToken: await fresh.analystToken(),
    analystNotificationId: await fresh.analystNotification(),
  };
  return { team, coOwner, outsider, elsewhere, actors, credentials, shared, fresh };
}

export type MatrixWorld = Awaited<ReturnType<typeof createMatrixWorld>>;
