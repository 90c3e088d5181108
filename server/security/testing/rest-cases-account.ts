import { addTestMember } from "../../testing/factories";
import { unique } from "./matrix-fixtures";
import type { CellContext, RestCase } from "./rest-case";

const W = "/api/v1/workspaces/{workspaceId}";
const none: RestCase = () => ({});
const inWorkspace = ({ world }: CellContext) => ({ workspaceId: world.team.workspaceId });

/** How to call the public, account and workspace rows of the matrix. */
export const ACCOUNT_CASES: Record<string, RestCase> = {
  "GET /api/auth/{...nextauth} (session)": () => ({ params: { nextauth: ["session"] } }),
  "POST /api/auth/{...nextauth} (sign-in without the CSRF token)": ({ world }) => ({
    params: { nextauth: ["callback", "credentials"] },
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: world.team.owner.email, password: "not the password" }).toString(),
  }),
  "GET /api/health": none,
  "GET /api/v1/openapi.json": none,
  "POST /api/v1/sign-up": () => ({
    body: { email: `new-${unique()}@example.test`, name: "Nia Newcomer", password: "correct horse battery staple" },
  }),

  "GET /api/v1/me": none,
  "GET /api/v1/workspaces": none,
  "POST /api/v1/workspaces": () => ({ body: { name: `Investigations desk ${unique()}` } }),
  "GET /api/v1/tokens": none,
  "POST /api/v1/tokens": () => ({ body: { name: `nightly import ${unique()}` } }),
  "DELETE /api/v1/tokens/{tokenId} (the analyst's token)": async ({ world, allowed }) => ({
    params: { tokenId: allowed ? (await world.fresh.analystToken()).id : world.shared.analystToken.id },
  }),
  "POST /api/v1/invitations/accept (a pending link)": async ({ world, allowed }) => ({
    body: { token: (allowed ? await world.fresh.foreignInvitation() : world.shared.foreignInvitation).token },
  }),
  "GET /api/v1/notifications": none,
  "GET /api/v1/notifications/unread-count": none,
  "GET /api/v1/search": () => ({ query: "?q=tikhoretsk" }),
  "POST /api/v1/notifications/read-all": none,
  "POST /api/v1/notifications/{notificationId}/read (the analyst's notification)": async ({ world, allowed }) => ({
    params: { notificationId: allowed ? await world.fresh.analystNotification() : world.shared.analystNotificationId },
  }),

  [`GET ${W}`]: (cell) => ({ params: inWorkspace(cell) }),
  [`PATCH ${W} (rename)`]: (cell) => ({ params: inWorkspace(cell), body: { name: "Beyond Parallel desk" } }),
  [`PATCH ${W} (review rules)`]: (cell) => ({
    params: inWorkspace(cell),
    body: { requiredApprovals: 1, requiredKeyApprovals: 1 },
  }),
  [`GET ${W}/audit-events`]: (cell) => ({ params: inWorkspace(cell) }),
  [`GET ${W}/members`]: (cell) => ({ params: inWorkspace(cell) }),
  [`POST ${W}/members`]: async (cell) => ({
    params: inWorkspace(cell),
    body: {
      email: cell.allowed ? (await cell.world.fresh.user()).email : cell.world.shared.candidate.email,
      role: "viewer",
    },
  }),
  [`PATCH ${W}/members/{userId}`]: async (cell) => ({
    params: {
      ...inWorkspace(cell),
      userId: cell.allowed ? (await cell.world.fresh.member()).id : cell.world.shared.member.id,
    },
    body: { role: "reviewer" },
  }),
  [`DELETE ${W}/members/{userId} (another member)`]: async (cell) => ({
    params: {
      ...inWorkspace(cell),
      userId: cell.allowed ? (await cell.world.fresh.member()).id : cell.world.shared.member.id,
    },
  }),
  [`DELETE ${W}/members/{userId} (oneself)`]: ({ world, kind, actor, allowed }) => {
    // Callers without valid credentials name the owner whose token or session they hold.
    const self = actor ?? world.team.owner;
    const role = kind === "analyst" || kind === "reviewer" || kind === "viewer" ? kind : "owner";
    return {
      params: { workspaceId: world.team.workspaceId, userId: self.id },
      // The rest of the matrix needs them back in the team, with the same role.
      after: allowed ? () => addTestMember({ id: world.team.workspaceId }, self, role) : undefined,
    };
  },
  [`GET ${W}/invitations`]: (cell) => ({ params: inWorkspace(cell) }),
  [`POST ${W}/invitations`]: (cell) => ({ params: inWorkspace(cell), body: { role: "viewer" } }),
  [`DELETE ${W}/invitations/{invitationId}`]: async (cell) => ({
    params: {
      ...inWorkspace(cell),
      invitationId: (cell.allowed ? await cell.world.fresh.invitation() : cell.world.shared.invitation).invitation.id,
    },
  }),
};
