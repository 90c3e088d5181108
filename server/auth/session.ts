import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { getDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { UserOutput } from "@/lib/schemas/users";
import { env } from "../env";
import { authenticateApiToken } from "../tokens/authenticate-api-token";
import type { Actor } from "./actor";
import { authOptions } from "./options";

export type { Actor };

async function loadUser(id: string | undefined): Promise<UserOutput | null> {
  if (!id) return null;
  const [user] = await getDatabase()
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, id));
  return user ?? null;
}

/** The signed-in user of the current request (server components, route handlers, server actions). */
export async function getSessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const user = await loadUser((session?.user as { id?: string } | undefined)?.id);
  return user ? { ...user, via: "session" } : null;
}

/** Like `getSessionActor`, but sends anonymous visitors to the sign-in page. */
export async function requireSessionActor(callbackPath?: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/sign-in");
  return actor;
}

/**
 * The caller of an API request: `Authorization: Bearer <token>` first, then the session
 * cookie. A malformed or unknown Bearer token is an error, not a fallback to the cookie.
 */
export async function requireApiActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const user = match?.[1] ? await authenticateApiToken(match[1]) : null;
    if (!user) throw new AppError("unauthorized:token", "The API token is missing, revoked or expired.");
    return { ...user, via: "token" };
  }
  const actor = await getSessionActor();
  if (!actor) throw new AppError("unauthorized:session");
  return actor;
}

/** Name of the session cookie next-auth sets for this deployment. */
export function sessionCookieName(): string {
  return env().publicUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * Authenticates a raw HTTP upgrade (the Socket.io handshake): a Bearer token in
 * `Authorization` or `auth.token`, else the next-auth session cookie.
 */
export async function authenticateHandshake(input: {
  cookieHeader?: string;
  authorization?: string;
  token?: string;
}): Promise<Actor | null> {
  const bearer = input.token ?? /^Bearer\s+(\S+)\s*$/i.exec(input.authorization ?? "")?.[1];
  if (bearer) {
    const user = await authenticateApiToken(bearer);
    return user ? { ...user, via: "token" } : null;
  }
  const cookie = parseCookie(input.cookieHeader ?? "", sessionCookieName());
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret: env().authSecret }).catch(() => null);
  const user = await loadUser(token?.sub);
  return user ? { ...user, via: "session" } : null;
}

function parseCookie(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
