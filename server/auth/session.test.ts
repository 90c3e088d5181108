import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { env } from "../env";
import { createUser } from "../users/create-user";
import { authenticateHandshake, sessionCookieName } from "./session";

async function newUser() {
  return createUser({ email: `u-${randomUUID()}@example.org`, name: "Ana", password: "correct horse battery" });
}

describe("authenticateHandshake (Socket.io)", () => {
  it("accepts the next-auth session cookie the browser sends", async () => {
    const user = await newUser();
    const jwt = await encode({ token: { sub: user.id, email: user.email }, secret: env().authSecret });
    const actor = await authenticateHandshake({ cookieHeader: `other=1; ${sessionCookieName()}=${jwt}` });
    expect(actor).toMatchObject({ id: user.id, email: user.email, via: "session" });
  });

  it("refuses a cookie signed with another secret, garbage, and no credentials", async () => {
    const user = await newUser();
    const forged = await encode({ token: { sub: user.id }, secret: "another-secret-another-secret-0123456789" });
    expect(await authenticateHandshake({ cookieHeader: `${sessionCookieName()}=${forged}` })).toBeNull();
    expect(await authenticateHandshake({ cookieHeader: `${sessionCookieName()}=not-a-jwt` })).toBeNull();
    expect(await authenticateHandshake({})).toBeNull();
  });

  it("refuses a valid cookie whose user no longer exists", async () => {
    const jwt = await encode({ token: { sub: randomUUID() }, secret: env().authSecret });
    expect(await authenticateHandshake({ cookieHeader: `${sessionCookieName()}=${jwt}` })).toBeNull();
  });
});
