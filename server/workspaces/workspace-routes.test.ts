import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import * as meRoute from "@/app/api/v1/me/route";
import * as signUpRoute from "@/app/api/v1/sign-up/route";
import * as workspaceRoute from "@/app/api/v1/workspaces/[workspaceId]/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { getDatabase } from "@/db/client";
import { users, workspaces } from "@/db/schema";
import { env, resetEnv } from "../env";
import { createTestTeam, createTestUser } from "../testing/factories";
import { callRoute, createTestBearer, createTestSessionCookie } from "../testing/route-test-helpers";

async function workspaceCount(): Promise<number> {
  const [row] = await getDatabase().select({ n: sql<number>`count(*)::int` }).from(workspaces);
  return row?.n ?? 0;
}

describe("GET/POST /api/v1/workspaces", () => {
  it("creates a workspace with a Bearer token and lists it", async () => {
    const user = await createTestUser();
    const token = await createTestBearer(user);
    const created = await callRoute(workspacesRoute.POST, { method: "POST", token, body: { name: "Desk" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Desk", role: "owner", memberCount: 1 });
    const listed = await callRoute(workspacesRoute.GET, { token });
    expect(listed).toEqual({ status: 200, body: [created.body] });
  });

  it("accepts the browser session cookie", async () => {
    const { workspace, viewer } = await createTestTeam();
    const listed = await callRoute(workspacesRoute.GET, { cookie: await createTestSessionCookie(viewer) });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: workspace.id, role: "viewer" })]);
  });

  it("answers 401 without credentials and with an unknown token, and writes nothing", async () => {
    const before = await workspaceCount();
    const anonymous = await callRoute(workspacesRoute.POST, { method: "POST", body: { name: "Desk" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthorized:session");
    const forged = await callRoute(workspacesRoute.GET, { token: "plx_not-a-real-token-at-all" });
    expect(forged.status).toBe(401);
    expect(await workspaceCount()).toBe(before);
  });

  it("answers 400 with field messages for malformed or incomplete bodies, and writes nothing", async () => {
    const token = await createTestBearer(await createTestUser());
    const before = await workspaceCount();
    const post = (body: unknown) => callRoute(workspacesRoute.POST, { method: "POST", token, body });
    const malformed = await post("{ name: ");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toEqual({ "": ["The request body is not valid JSON."] });
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ name: ["Enter a workspace name."] });
    const mistyped = await post({ name: 42 });
    expect(mistyped.body.error.fields).toEqual({ name: ["Enter a workspace name."] });
    const notAnObject = await post([]);
    expect(notAnObject.body.error.fields).toEqual({ "": ["Send a JSON object."] });
    const huge = await post({ name: "x".repeat(1024 * 1024 + 1) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe("bad_request:body_too_large");
    expect(await workspaceCount()).toBe(before);
  });
});

describe("GET/PATCH /api/v1/workspaces/{workspaceId}", () => {
  it("renames for owners, 403 for other roles, 404 for outsiders and unknown ids", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    const patch = async (who: { id: string }, workspaceId: string, name: unknown) =>
      callRoute(workspaceRoute.PATCH, {
        method: "PATCH",
        token: await createTestBearer(who),
        params: { workspaceId },
        body: { name },
      });
    expect((await patch(analyst, workspace.id, "Analyst's")).status).toBe(403);
    expect((await patch(await createTestUser(), workspace.id, "Outsider's")).status).toBe(404);
    expect((await patch(owner, randomUUID(), "Ghost")).status).toBe(404);
    expect((await patch(owner, "not-a-uuid", "Ghost")).status).toBe(404);
    expect((await patch(owner, workspace.id, "")).body.error.fields).toEqual({ name: ["Enter a workspace name."] });
    const renamed = await patch(owner, workspace.id, "Renamed desk");
    expect(renamed).toMatchObject({ status: 200, body: { id: workspace.id, name: "Renamed desk" } });
    const read = await callRoute(workspaceRoute.GET, {
      token: await createTestBearer(analyst),
      params: { workspaceId: workspace.id },
    });
    expect(read.body).toMatchObject({ name: "Renamed desk", role: "analyst", memberCount: 4 });
  });
});

describe("GET /api/v1/me", () => {
  it("returns the caller and their workspaces", async () => {
    const { workspace, reviewer } = await createTestTeam();
    const me = await callRoute(meRoute.GET, { token: await createTestBearer(reviewer) });
    expect(me.body).toEqual({
      user: { id: reviewer.id, email: reviewer.email, name: reviewer.name },
      workspaces: [expect.objectContaining({ id: workspace.id, role: "reviewer" })],
    });
    expect((await callRoute(meRoute.GET)).status).toBe(401);
  });
});

describe("POST /api/v1/sign-up", () => {
  afterEach(() => resetEnv());

  it("creates an account without authentication, and refuses a taken email on the field", async () => {
    const email = `new-${randomUUID()}@example.test`;
    const body = { email, name: "Nadia New", password: "a long enough password" };
    const created = await callRoute(signUpRoute.POST, { method: "POST", body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), email, name: "Nadia New" });
    const again = await callRoute(signUpRoute.POST, { method: "POST", body: { ...body, email: email.toUpperCase() } });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual({ email: ["An account with this email already exists."] });
  });

  it("explains every invalid field and creates nothing", async () => {
    const email = `short-${randomUUID()}@example.test`;
    const invalid = await callRoute(signUpRoute.POST, { method: "POST", body: { email, password: "short" } });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["name", "password"]);
    expect(await getDatabase().select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("is refused when sign-up is turned off", async () => {
    resetEnv({ ...env(), ALLOW_SIGN_UP: false });
    const email = `closed-${randomUUID()}@example.test`;
    const refused = await callRoute(signUpRoute.POST, {
      method: "POST",
      body: { email, name: "Closed", password: "a long enough password" },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Sign-up is turned off/);
    expect(await getDatabase().select().from(users).where(eq(users.email, email))).toEqual([]);
  });
});
