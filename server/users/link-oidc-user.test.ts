import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseEnv, resetEnv } from "../env";
import { createUser } from "./create-user";
import { linkOidcUser } from "./link-oidc-user";

const newEmail = () => `oidc-${randomUUID()}@example.org`;

describe("OIDC sign-in", () => {
  it("creates an account for a new identity and finds it again by its subject", async () => {
    const email = newEmail();
    const sub = randomUUID();
    const first = await linkOidcUser({
      provider: "oidc",
      providerAccountId: sub,
      email,
      emailVerified: true,
      name: "Ola",
    });
    expect(first).toMatchObject({ email, name: "Ola" });
    // The IdP may later report another email; the identity (sub) still maps to the same account.
    const again = await linkOidcUser({
      provider: "oidc",
      providerAccountId: sub,
      email: newEmail(),
      emailVerified: true,
      name: "Ola",
    });
    expect(again.id).toBe(first.id);
  });

  it("links a verified email to the existing password account", async () => {
    const email = newEmail();
    const user = await createUser({ email, name: "Pat", password: "correct horse battery" });
    const linked = await linkOidcUser({
      provider: "oidc",
      providerAccountId: randomUUID(),
      email: email.toUpperCase(),
      emailVerified: true,
      name: "P",
    });
    expect(linked.id).toBe(user.id);
  });

  it("never links an unverified email to an existing account", async () => {
    const email = newEmail();
    await createUser({ email, name: "Pat", password: "correct horse battery" });
    const refused = await linkOidcUser({
      provider: "oidc",
      providerAccountId: randomUUID(),
      email,
      emailVerified: false,
      name: "Mallory",
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("conflict:user");
  });

  it("offers the OIDC provider only when it is configured", async () => {
    const { authOptions } = await import("../auth/options");
    const dataDir = (await import("node:os")).tmpdir();
    resetEnv(
      parseEnv({
        DATA_DIR: dataDir,
        OIDC_ISSUER: "https://id.example.org/realms/x/",
        OIDC_CLIENT_ID: "parallax",
        OIDC_CLIENT_SECRET: "s",
      }),
    );
    try {
      const oidc = authOptions().providers.find((provider) => provider.id === "oidc") as
        | { wellKnown?: string }
        | undefined;
      expect(oidc?.wellKnown).toBe("https://id.example.org/realms/x/.well-known/openid-configuration");
    } finally {
      resetEnv(undefined);
    }
  });
});
