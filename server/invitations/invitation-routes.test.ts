import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import * as acceptRoute from "@/app/api/v1/invitations/accept/route";
import * as invitationRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/route";
import { getDatabase } from "@/db/client";
import { invitations } from "@/db/schema";
import { createTestTeam, createTestUser } from "../testing/factories";
import { callRoute, createTestBearer } from "../testing/route-test-helpers";

async function invitationCount(workspaceId: string): Promise<number> {
  const [row] = await getDatabase()
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(eq(invitations.workspaceId, workspaceId));
  return row?.n ?? 0;
}

describe("invitation links over HTTP", () => {
  it("an owner creates a link, someone accepts it with a token, and it cannot be used again", async () => {
    const { workspace, owner } = await createTestTeam();
    const ownerToken = await createTestBearer(owner);
    const params = { workspaceId: workspace.id };
    const created = await callRoute(invitationsRoute.POST, {
      method: "POST",
      token: ownerToken,
      params,
      body: { role: "analyst", expiresInHours: 48 },
    });
    expect(created.status).toBe(201);
    expect(created.body.url).toContain(`/invite/${created.body.token}`);
    const joiner = await createTestUser();
    const accept = async (who: { id: string }) =>
      callRoute(acceptRoute.POST, {
        method: "POST",
        token: await createTestBearer(who),
        body: { token: created.body.token },
      });
    expect(await accept(joiner)).toEqual({ status: 200, body: { workspaceId: workspace.id, role: "analyst" } });
    const reused = await accept(await createTestUser());
    expect(reused.status).toBe(410);
    expect(reused.body.error.message).toMatch(/already been used/);
    const listed = await callRoute(invitationsRoute.GET, { token: ownerToken, params });
    expect(listed.body).toEqual([expect.objectContaining({ id: created.body.invitation.id, status: "accepted" })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
  });

  it("explains bad fields and writes nothing; other roles get 403, outsiders 404", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    const post = async (who: { id: string }, body: unknown, workspaceId = workspace.id) =>
      callRoute(invitationsRoute.POST, {
        method: "POST",
        token: await createTestBearer(who),
        params: { workspaceId },
        body,
      });
    const bad = await post(owner, { role: "boss", email: "nope", expiresInHours: 0.5 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "expiresInHours", "role"]);
    expect((await post(owner, { role: "viewer", expiresInHours: "48" })).body.error.fields).toEqual({
      expiresInHours: ["Enter the number of hours the link stays valid."],
    });
    expect((await post(owner, "not json")).status).toBe(400);
    expect((await post(analyst, { role: "viewer" })).status).toBe(403);
    expect((await post(await createTestUser(), { role: "viewer" })).status).toBe(404);
    expect((await post(owner, { role: "viewer" }, randomUUID())).status).toBe(404);
    expect(await invitationCount(workspace.id)).toBe(0);
    const listedByAnalyst = await callRoute(invitationsRoute.GET, {
      token: await createTestBearer(analyst),
      params: { workspaceId: workspace.id },
    });
    expect(listedByAnalyst.status).toBe(403);
  });

  it("revokes a link with DELETE; the link then answers 410 saying it was revoked", async () => {
    const { workspace, owner, viewer } = await createTestTeam();
    const ownerToken = await createTestBearer(owner);
    const created = await callRoute(invitationsRoute.POST, {
      method: "POST",
      token: ownerToken,
      params: { workspaceId: workspace.id },
      body: { role: "owner" },
    });
    const revoke = async (token: string, invitationId: string) =>
      callRoute(invitationRoute.DELETE, {
        method: "DELETE",
        token,
        params: { workspaceId: workspace.id, invitationId },
      });
    expect((await revoke(await createTestBearer(viewer), created.body.invitation.id)).status).toBe(403);
    expect((await revoke(ownerToken, randomUUID())).status).toBe(404);
    expect((await revoke(ownerToken, created.body.invitation.id)).status).toBe(204);
    const refused = await callRoute(acceptRoute.POST, {
      method: "POST",
      token: await createTestBearer(await createTestUser()),
      body: { token: created.body.token },
    });
    expect(refused.status).toBe(410);
    expect(refused.body.error).toMatchObject({ code: "gone:invitation", message: expect.stringMatching(/revoked/) });
  });

  it("accepting needs a signed-in caller and a token field", async () => {
    const anonymous = await callRoute(acceptRoute.POST, { method: "POST", body: { token: "plxi_whatever" } });
    expect(anonymous.status).toBe(401);
    const token = await createTestBearer(await createTestUser());
    const missing = await callRoute(acceptRoute.POST, { method: "POST", token, body: {} });
    expect(missing.body.error.fields).toEqual({ token: ["Paste the invitation token."] });
    const unknown = await callRoute(acceptRoute.POST, {
      method: "POST",
      token,
      body: { token: "plxi_nothing-like-this" },
    });
    expect(unknown.status).toBe(404);
  });
});
