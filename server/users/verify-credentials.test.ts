import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createUser } from "./create-user";
import { verifyCredentials } from "./verify-credentials";

const password = "correct horse battery staple";
const newEmail = () => `user-${randomUUID()}@example.org`;

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("sign-up and sign-in", () => {
  it("signs in with the password chosen at sign-up, whatever the email's case", async () => {
    const email = newEmail();
    const user = await createUser({ email: email.toUpperCase(), name: "Ana", password });
    expect(user.email).toBe(email);
    const signedIn = await verifyCredentials({ email: email.toUpperCase(), password });
    expect(signedIn.id).toBe(user.id);
  });

  it("refuses short passwords and duplicate emails with field messages", async () => {
    const email = newEmail();
    const short = await createUser({ email, name: "Ana", password: "short" }).catch((e: AppError) => e);
    expect(short).toBeInstanceOf(AppError);
    expect((short as AppError).fields?.password?.[0]).toMatch(/at least 12 characters/);
    await createUser({ email, name: "Ana", password });
    const duplicate = await createUser({ email: email.toUpperCase(), name: "Bo", password }).catch((e: AppError) => e);
    expect((duplicate as AppError).code).toBe("conflict:user");
    expect((duplicate as AppError).fields?.email).toBeDefined();
  });

  it("gives the same error for a wrong password and an unknown account", async () => {
    const email = newEmail();
    await createUser({ email, name: "Ana", password });
    const wrong = await verifyCredentials({ email, password: "not the password!" }).catch((e: AppError) => e);
    const unknown = await verifyCredentials({ email: newEmail(), password }).catch((e: AppError) => e);
    expect((wrong as AppError).code).toBe("unauthorized:credentials");
    expect((unknown as AppError).code).toBe("unauthorized:credentials");
    expect((wrong as AppError).message).toBe((unknown as AppError).message);
  });

  it("locks an account after 5 failures, even for the right password, and says when to retry", async () => {
    const email = newEmail();
    await createUser({ email, name: "Ana", password });
    for (let i = 0; i < 5; i += 1) {
      expect(await codeOf(verifyCredentials({ email, password: `wrong password ${i}` }))).toBe(
        "unauthorized:credentials",
      );
    }
    const locked = await verifyCredentials({ email, password }).catch((e: AppError) => e);
    expect((locked as AppError).code).toBe("rate_limited:sign_in");
    expect((locked as AppError).message).toMatch(/Try again in 15 minutes/);
    expect((locked as AppError).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("limits failures per IP address across different accounts", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 30; i += 1) {
      await codeOf(verifyCredentials({ email: newEmail(), password: "wrong password!", ip }));
    }
    const email = newEmail();
    await createUser({ email, name: "Ana", password });
    expect(await codeOf(verifyCredentials({ email, password, ip }))).toBe("rate_limited:sign_in");
    expect(await codeOf(verifyCredentials({ email, password, ip: "203.0.113.9" }))).toBeUndefined();
  });

  it("stores an argon2id hash, never the password", async () => {
    const { getDatabase } = await import("@/db/client");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const user = await createUser({ email: newEmail(), name: "Ana", password });
    const [row] = await getDatabase().select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.passwordHash).not.toContain(password);
  });
});
