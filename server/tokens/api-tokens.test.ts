import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v1/tokens/[tokenId]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as workspaceAssessmentsRoute from "@/app/api/v1/workspaces/[workspaceId]/assessments/route";
import { getDatabase } from "@/db/client";
import { apiTokens, auditEvents } from "@/db/schema";
import { callRoute } from "../testing/call-route";
import { createTestTeam, createTestUser } from "../testing/factories";
import { callRoute as callRouteInScope, createTestSessionCookie } from "../testing/route-test-helpers";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";

function listTokensOver(bearer: string) {
  return callRoute(tokensRoute.GET, { path: "/api/v1/tokens", bearer });
}

describe("creating and listing API tokens", () => {
  it("shows the secret once, stores only its hash, and never lists it", async () => {
    const user = await createTestUser();
    const { token, secret } = await createApiToken({ actor: user, name: "  nightly export  " });
    expect(secret).toMatch(/^plx_[A-Za-z0-9_-]{40,}$/);
    expect(token).toMatchObject({
      name: "nightly export",
      prefix: secret.slice(0, 12),
      revokedAt: null,
      expiresAt: null,
    });

    const listed = await listApiTokens({ actor: user });
    expect(listed).toEqual([token]);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(12));
    const [row] = await getDatabase().select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row?.tokenHash).not.toContain(secret.slice(12));
    const audit = await getDatabase().select().from(auditEvents).where(eq(auditEvents.targetId, token.id));
    expect(audit.map((event) => event.action)).toEqual(["api_token.created"]);
  });

  it("expires after the days asked for", async () => {
    const user = await createTestUser();
    const { token } = await createApiToken({ actor: user, name: "short-lived", expiresInDays: 30 });
    const days = (Date.parse(token.expiresAt ?? "") - Date.parse(token.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);
  });

  it("refuses bad names and lifetimes with a message per field", async () => {
    const user = await createTestUser();
    await expect(createApiToken({ actor: user, name: " ", expiresInDays: 0 })).rejects.toMatchObject({
      code: "bad_request:validation",
      fields: {
        name: ["Name the token, e.g. after the script or machine that uses it."],
        expiresInDays: ["Expiry must be at least 1 day."],
      },
    });
    for (const expiresInDays of [3651, 1.5]) {
      await expect(createApiToken({ actor: user, name: "x", expiresInDays })).rejects.toMatchObject({
        fields: { expiresInDays: [expect.any(String)] },
      });
    }
    await expect(createApiToken({ actor: user, name: "n".repeat(101) })).rejects.toMatchObject({
      fields: { name: ["Use at most 100 characters for the name."] },
    });
    expect(await listApiTokens({ actor: user })).toEqual([]);
  });

  it("lists only the caller's own tokens, newest first, revoked ones included", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const older = await createApiToken({ actor: user, name: "older" });
    const newer = await createApiToken({ actor: user, name: "newer" });
    await createApiToken({ actor: other, name: "someone else's" });
    await revokeApiToken({ actor: user, tokenId: older.token.id });
    const listed = await listApiTokens({ actor: user });
    expect(listed.map((token) => token.name)).toEqual(["newer", "older"]);
    expect(listed[1]?.revokedAt).toEqual(expect.any(String));
    expect(listed[0]?.id).toBe(newer.token.id);
  });
});

describe("using API tokens over HTTP", () => {
  it("creates a token from a signed-in session (201, secret once) and it then works as Bearer", async () => {
    const user = await createTestUser();
    const cookie = await createTestSessionCookie(user);
    const created = await callRouteInScope(tokensRoute.POST, { method: "POST", cookie, body: { name: "laptop" } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^plx_/);
    const listed = await callRouteInScope(tokensRoute.GET, { token: created.body.secret });
    expect(listed.status).toBe(200);
    expect(listed.body.map((token: { name: string }) => token.name)).toEqual(["laptop"]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
  });

  it("authenticates Bearer requests to the API until the token is revoked", async () => {
    const { workspace, analyst } = await createTestTeam();
    const { token, secret } = await createApiToken({ actor: analyst, name: "script" });

    const listed = await callRoute(workspaceAssessmentsRoute.GET, {
      path: `/api/v1/workspaces/${workspace.id}/assessments`,
      params: { workspaceId: workspace.id },
      bearer: secret,
    });
    expect(listed).toMatchObject({ status: 200, body: [] });
    const tokens = await listTokensOver(secret);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toEqual([expect.objectContaining({ id: token.id, lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(tokens.body)).not.toContain(secret.slice(12));

    const revoked = await callRoute(tokenRoute.DELETE, {
      method: "DELETE",
      path: `/api/v1/tokens/${token.id}`,
      params: { tokenId: token.id },
      bearer: secret,
    });
    expect(revoked).toEqual({ status: 204, body: null });
    const afterwards = await listTokensOver(secret);
    expect(afterwards).toMatchObject({ status: 401, body: { error: { code: "unauthorized:token" } } });
  });

  it("rejects expired tokens", async () => {
    const user = await createTestUser();
    const { token, secret } = await createApiToken({ actor: user, name: "expiring", expiresInDays: 1 });
    await getDatabase()
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, token.id));
    expect((await listTokensOver(secret)).status).toBe(401);
  });

  it("refuses to let a token create another token (403)", async () => {
    const user = await createTestUser();
    const { secret } = await createApiToken({ actor: user, name: "first" });
    const response = await callRoute(tokensRoute.POST, {
      method: "POST",
      path: "/api/v1/tokens",
      bearer: secret,
      json: { name: "second" },
    });
    expect(response).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden:api_token", message: expect.stringContaining("API tokens cannot create") } },
    });
    expect((await listApiTokens({ actor: user })).map((token) => token.name)).toEqual(["first"]);
  });

  it("answers 404 for other users' token ids and unknown ids, leaving the token working", async () => {
    const owner = await createTestUser();
    const intruder = await createTestUser();
    const { token, secret } = await createApiToken({ actor: owner, name: "owner's" });
    const { secret: intruderSecret } = await createApiToken({ actor: intruder, name: "intruder's" });

    await expect(revokeApiToken({ actor: intruder, tokenId: token.id })).rejects.toMatchObject({
      code: "not_found:api_token",
    });
    for (const tokenId of [token.id, crypto.randomUUID(), "not-a-uuid"]) {
      const response = await callRoute(tokenRoute.DELETE, {
        method: "DELETE",
        path: `/api/v1/tokens/${tokenId}`,
        params: { tokenId },
        bearer: intruderSecret,
      });
      expect(response).toMatchObject({ status: 404, body: { error: { code: "not_found:api_token" } } });
    }
    expect((await listTokensOver(secret)).status).toBe(200);
  });
});
