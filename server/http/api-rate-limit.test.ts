import { afterEach, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { env, parseEnv } from "../env";
import { type RouteHandler as AnyRouteHandler, invokeRoute } from "../security/testing/invoke-route";
import { createTestApiToken, createTestUser } from "../testing/factories";
import { createTestSessionCookie } from "../testing/route-test-helpers";
import { ApiRequestLimiter, replaceApiRequestLimiter } from "./limit-api-requests";

// The per-caller REST limit (API_REQUESTS_PER_MINUTE) enforced by apiRoute: each test installs a
// limiter with a small allowance and a clock it moves by hand, so nothing sleeps.

const PER_MINUTE = 3;

function limiterWithClock(perMinute = PER_MINUTE) {
  const clock = { ms: 1_000_000 };
  replaceApiRequestLimiter(new ApiRequestLimiter({ perMinute, now: () => clock.ms }));
  return clock;
}

afterEach(() => replaceApiRequestLimiter());

function listWorkspaces(auth: { token?: string; cookie?: string }) {
  return invokeRoute(workspacesRoute.GET as AnyRouteHandler, {
    method: "GET",
    path: "/api/v1/workspaces",
    params: {},
    headers: headersFor(auth),
  });
}

function createWorkspace(auth: { token?: string; cookie?: string }, name: string) {
  return invokeRoute(workspacesRoute.POST as AnyRouteHandler, {
    method: "POST",
    path: "/api/v1/workspaces",
    params: {},
    headers: headersFor(auth),
    body: { name },
  });
}

function whoAmI(auth: { token?: string; cookie?: string }) {
  return invokeRoute(meRoute.GET as AnyRouteHandler, {
    method: "GET",
    path: "/api/v1/me",
    params: {},
    headers: headersFor(auth),
  });
}

function headersFor(auth: { token?: string; cookie?: string }): Record<string, string> {
  if (auth.token) return { authorization: `Bearer ${auth.token}` };
  // A browser on our own pages sends its Origin with the cookie (CSRF check).
  return { cookie: auth.cookie ?? "", origin: env().publicUrl };
}

describe("the REST API limit per token and per signed-in user", () => {
  it("refuses a token past its allowance with 429 and Retry-After, changing nothing; other callers go on", async () => {
    const clock = limiterWithClock();
    const user = await createTestUser();
    const token = await createTestApiToken(user, "script");
    const otherToken = await createTestApiToken(user, "other script");
    const someoneElse = await createTestUser();
    const theirToken = await createTestApiToken(someoneElse);

    for (let call = 0; call < PER_MINUTE; call++) expect((await whoAmI({ token })).status).toBe(200);
    const refused = await createWorkspace({ token }, "Should not exist");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited:api");
    expect(refused.body.error.message).toMatch(/Too many API requests from this API token\. Try again in \d+ seconds?/);
    // One request refills in 60 s / 3 = 20 s.
    expect(refused.headers.get("retry-after")).toBe("20");

    // The refused creation did not happen (checked through another token of the same user, which
    // has an allowance of its own).
    const listed = await listWorkspaces({ token: otherToken });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain("Should not exist");
    expect((await whoAmI({ token: theirToken })).status).toBe(200);

    // Part of the wait is not enough; the full Retry-After is.
    clock.ms += 19_000;
    expect((await whoAmI({ token })).status).toBe(429);
    clock.ms += 1_000;
    expect((await whoAmI({ token })).status).toBe(200);

    // After a whole minute the full allowance is back.
    clock.ms += 60_000;
    for (let call = 0; call < PER_MINUTE; call++) expect((await whoAmI({ token })).status).toBe(200);
    expect((await whoAmI({ token })).status).toBe(429);
    const created = await createWorkspace({ token: otherToken }, "Made in time");
    expect(created.status).toBe(201);
  });

  it("counts a browser session per user, apart from that user's API tokens", async () => {
    limiterWithClock();
    const user = await createTestUser();
    const cookie = await createTestSessionCookie(user);
    const token = await createTestApiToken(user);

    for (let call = 0; call < PER_MINUTE; call++) expect((await whoAmI({ cookie })).status).toBe(200);
    const refused = await whoAmI({ cookie });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/from your account/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // A second browser (another cookie of the same user) shares the user's allowance.
    expect((await whoAmI({ cookie: await createTestSessionCookie(user) })).status).toBe(429);
    expect((await whoAmI({ token })).status).toBe(200);
  });

  it("does not count requests that fail authentication, and 0 turns the limit off", async () => {
    limiterWithClock(0);
    const user = await createTestUser();
    const token = await createTestApiToken(user);
    for (let call = 0; call < 20; call++) expect((await whoAmI({ token })).status).toBe(200);

    limiterWithClock(1);
    expect((await whoAmI({ token: "not-a-real-token-secret" })).status).toBe(401);
    expect((await whoAmI({ token })).status).toBe(200);
    expect((await whoAmI({ token })).status).toBe(429);
  });

  it("forgets callers idle for a minute, so memory follows recent callers only", () => {
    const clock = { ms: 0 };
    const limiter = new ApiRequestLimiter({ perMinute: 2, now: () => clock.ms });
    for (let key = 0; key < 100; key++) expect(limiter.take(`token:${key}`)).toBe(0);
    expect(limiter.size).toBe(100);
    clock.ms += 30_000;
    expect(limiter.take("token:0")).toBe(0);
    clock.ms += 30_000;
    expect(limiter.take("token:new")).toBe(0);
    expect(limiter.size).toBe(2);
  });

  it("allows 600 requests a minute by default, takes 0 for off, and refuses a negative allowance", () => {
    const base = { DATA_DIR: env().DATA_DIR, AUTH_SECRET: env().authSecret };
    expect(parseEnv(base).API_REQUESTS_PER_MINUTE).toBe(600);
    expect(parseEnv({ ...base, API_REQUESTS_PER_MINUTE: "0" }).API_REQUESTS_PER_MINUTE).toBe(0);
    expect(() => parseEnv({ ...base, API_REQUESTS_PER_MINUTE: "-1" })).toThrow(/API_REQUESTS_PER_MINUTE/);
  });
});
