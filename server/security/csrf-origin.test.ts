import { io } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { type CollabTestServer, startCollabTestServer } from "../collab/testing/start-collab-test-server";
import { env } from "../env";
import { createTestApiToken, createTestUser } from "../testing/factories";
import { callRoute, createTestSessionCookie } from "../testing/route-test-helpers";

// CSRF: a session cookie only counts for state-changing requests and socket handshakes that
// come from Parallax's own origin (PUBLIC_URL); Bearer tokens are not sent by browsers on their own.

function createToken(headers: Record<string, string>, auth: { cookie?: string; token?: string }) {
  return callRoute(tokensRoute.POST, {
    method: "POST",
    path: "/api/v1/tokens",
    body: { name: "csrf" },
    headers,
    ...auth,
  });
}

describe("the Origin check on cookie-authenticated REST mutations", () => {
  it("accepts our own origin, or Sec-Fetch-Site: same-origin without an Origin", async () => {
    const cookie = await createTestSessionCookie(await createTestUser());
    expect((await createToken({ origin: env().publicUrl }, { cookie })).status).toBe(201);
    expect((await createToken({ origin: "", "sec-fetch-site": "same-origin" }, { cookie })).status).toBe(201);
  });

  it("refuses another origin, an opaque origin and a missing one with 403 forbidden:origin, creating nothing", async () => {
    const user = await createTestUser();
    const cookie = await createTestSessionCookie(user);
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: `${env().publicUrl}.evil.example` },
      { origin: "" },
      { origin: "", "sec-fetch-site": "cross-site" },
      { origin: "", "sec-fetch-site": "same-site" },
    ]) {
      const response = await createToken(headers, { cookie });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.body.error.code).toBe("forbidden:origin");
    }
    const listed = await callRoute(tokensRoute.GET, { path: "/api/v1/tokens", cookie });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([]);
  });

  it("lets cookie reads through from anywhere, and Bearer mutations without an Origin", async () => {
    const user = await createTestUser();
    const cookie = await createTestSessionCookie(user);
    const read = await callRoute(tokensRoute.GET, {
      path: "/api/v1/tokens",
      cookie,
      headers: { origin: "https://evil.example" },
    });
    expect(read.status).toBe(200);
    const token = await createTestApiToken(user);
    // (Tokens cannot mint tokens, so the Bearer mutation here creates a workspace.)
    const created = await callRoute(workspacesRoute.POST, { method: "POST", body: { name: "Bearer desk" }, token });
    expect(created.status).toBe(201);
  });
});

describe("the Origin check on the Socket.io handshake", () => {
  let server: CollabTestServer;
  beforeAll(async () => {
    server = await startCollabTestServer();
  });
  afterAll(() => server.close());

  /** Connects with the given handshake headers/auth; resolves "connected" or the connect_error message. */
  function handshake(extraHeaders: Record<string, string>, auth: Record<string, string> = {}): Promise<string> {
    const socket = io(server.url, {
      transports: ["websocket"],
      parser: msgpackParser,
      extraHeaders,
      auth,
      reconnection: false,
      forceNew: true,
    });
    return new Promise<string>((resolve) => {
      socket.on("connect", () => resolve("connected"));
      socket.on("connect_error", (error) => resolve(error.message));
    }).finally(() => socket.close());
  }

  it("accepts a session cookie from our origin and refuses it from another or none", async () => {
    const cookie = await createTestSessionCookie(await createTestUser());
    expect(await handshake({ cookie, origin: env().publicUrl })).toBe("connected");
    expect(await handshake({ cookie, origin: "https://evil.example" })).toBe("forbidden:origin");
    expect(await handshake({ cookie })).toBe("forbidden:origin");
  });

  it("accepts a Bearer token whatever the Origin", async () => {
    const token = await createTestApiToken(await createTestUser());
    expect(await handshake({ origin: "https://evil.example" }, { token })).toBe("connected");
  });
});
