import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors";
import { env } from "../env";
import { logger } from "../logger";
import { linkOidcUser } from "../users/link-oidc-user";
import { verifyCredentials } from "../users/verify-credentials";
import { clientIpFromHeaders } from "./client-ip";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Built once per configuration: `env()` hands out the same object until it is reset (tests).
let cached: { for: ReturnType<typeof env>; options: NextAuthOptions } | undefined;

/** next-auth configuration: email + password always, a generic OIDC provider when configured. */
export function authOptions(): NextAuthOptions {
  const config = env();
  if (cached?.for === config) return cached.options;
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const ip = clientIpFromHeaders(req?.headers ?? {});
          const user = await verifyCredentials({ email: credentials.email, password: credentials.password, ip });
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          // next-auth passes the message of a thrown Error to the client as `error`.
          if (isAppError(error)) throw new Error(error.message);
          logger().error({ err: error }, "sign-in failed");
          throw new Error("Sign-in is temporarily unavailable.");
        }
      },
    }),
  ];
  if (config.oidcEnabled && config.OIDC_ISSUER) {
    providers.push({
      id: "oidc",
      name: config.OIDC_NAME,
      type: "oauth",
      wellKnown: `${config.OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email, name: profile.name };
      },
    });
  }
  const options: NextAuthOptions = {
    secret: config.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Secure cookies follow the public URL's scheme; next-auth sets httpOnly and SameSite=Lax.
    useSecureCookies: config.publicUrl.startsWith("https://"),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const claims = profile as { email?: string; email_verified?: boolean; name?: string } | undefined;
        try {
          await linkOidcUser({
            provider: "oidc",
            providerAccountId: account.providerAccountId,
            email: claims?.email,
            emailVerified: claims?.email_verified === true,
            name: claims?.name,
          });
          return true;
        } catch (error) {
          logger().warn({ err: error }, "OIDC sign-in refused");
          return "/sign-in?error=OAuthAccountNotLinked";
        }
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc") {
          const linked = await linkOidcUser({
            provider: "oidc",
            providerAccountId: account.providerAccountId,
            email: user.email,
            emailVerified: true,
            name: user.name,
          });
          token.sub = linked.id;
          token.email = linked.email;
          token.name = linked.name;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    logger: {
      error: (code, metadata) => logger().error({ code, metadata }, "next-auth error"),
      warn: (code) => logger().warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
  cached = { for: config, options };
  return options;
}
