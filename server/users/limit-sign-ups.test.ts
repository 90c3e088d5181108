import { describe, expect, it } from "vitest";
import * as signUpRoute from "@/app/api/v1/sign-up/route";
import { callRoute } from "../testing/route-test-helpers";
import { limitSignUps, signUpLimit } from "./limit-sign-ups";

// Sign-up is public, so it is limited per client address (the socket address the custom server
// stamps into x-parallax-remote-addr), counted in the same table as sign-in failures.

/** A documentation-range address no other test run uses (the table may outlive a run on PostgreSQL). */
function freshAddress(): string {
  return `2001:db8::${crypto.randomUUID().slice(0, 4)}:${crypto.randomUUID().slice(0, 4)}`;
}

function signUp(ip: string, email: string) {
  return callRoute(signUpRoute.POST, {
    method: "POST",
    path: "/api/v1/sign-up",
    headers: { "x-parallax-remote-addr": ip },
    body: { name: "Rate Limited", email, password: "correct-horse-battery-staple" },
  });
}

describe("the sign-up limit per client address", () => {
  it("refuses an address with 429 once it used its hourly allowance; other addresses still sign up", async () => {
    const ip = freshAddress();
    const first = await signUp(ip, `limit-${crypto.randomUUID()}@example.org`);
    expect(first.status).toBe(201);
    // The rest of the allowance, counted without hashing a password each time.
    for (let attempt = 1; attempt < signUpLimit().max; attempt++) await limitSignUps(ip);

    const refused = await signUp(ip, `limit-${crypto.randomUUID()}@example.org`);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited:sign_up");
    expect(refused.body.error.message).toMatch(/Try again in \d+ minutes?/);

    const elsewhere = await signUp(freshAddress(), `limit-${crypto.randomUUID()}@example.org`);
    expect(elsewhere.status).toBe(201);
  });

  it("counts refused attempts too (an email already taken uses up the allowance)", async () => {
    const ip = freshAddress();
    const email = `taken-${crypto.randomUUID()}@example.org`;
    expect((await signUp(ip, email)).status).toBe(201);
    for (let attempt = 1; attempt < signUpLimit().max; attempt++) {
      expect((await signUp(ip, email)).status).toBe(409);
    }
    expect((await signUp(ip, email)).status).toBe(429);
  });
});
