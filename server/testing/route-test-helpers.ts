import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { encode } from "next-auth/jwt";
import { getDatabase } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { sessionCookieName } from "../auth/session";
import { env } from "../env";
import { generateSecret, hashSecret } from "../tokens/token-secret";

// Calls App Router route handlers as plain functions, the way Next would, inside Next's request
// scope (installed for every test file by setup-database.ts via next-request-scope.ts).

type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** A live API token for `user`, inserted directly so route tests do not depend on the tokens area. */
export async function createTestBearer(user: { id: string }): Promise<string> {
  const secret = generateSecret();
  await getDatabase()
    .insert(apiTokens)
    .values({ userId: user.id, name: "route test", prefix: secret.slice(0, 8), tokenHash: hashSecret(secret) });
  return secret;
}

/** A next-auth session cookie for `user`, signed like the sign-in flow signs it. */
export async function createTestSessionCookie(user: { id: string; email: string }): Promise<string> {
  const jwt = await encode({ token: { sub: user.id, email: user.email }, secret: env().authSecret });
  return `${sessionCookieName()}=${jwt}`;
}

export interface CallRouteOptions<P> {
  /** Path and query, e.g. `/api/v1/tokens?x=1`; only the handler decides what it means. */
  path?: string;
  method?: string;
  /** Route segments, handed over as a Promise the way Next 16 does. */
  params?: P;
  /** A value sent as JSON, or a string sent verbatim (for malformed bodies). */
  body?: unknown;
  /** `Authorization: Bearer <token>`. */
  token?: string;
  /** A `Cookie` header, e.g. from `createTestSessionCookie`. Without token or cookie the call is anonymous. */
  cookie?: string;
  headers?: Record<string, string>;
}

export interface RouteResult {
  status: number;
  /** The parsed JSON body; null for an empty (204) response. */
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary JSON responses.
  body: any;
}

/** Calls a route handler inside a Next request scope and returns its status and JSON body. */
export async function callRoute<P>(handler: RouteHandler<P>, options: CallRouteOptions<P> = {}): Promise<RouteResult> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookie) {
    headers.set("cookie", options.cookie);
    // Like a browser on our own pages: it sends its Origin with the cookie. Tests of the CSRF
    // check pass their own `origin` header ("" for none).
    if (!headers.has("origin")) headers.set("origin", env().publicUrl);
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const url = new URL(options.path ?? "/api/v1/test", "http://localhost");
  const request = new Request(url, { method: options.method ?? "GET", headers, body });
  const context = { params: Promise.resolve((options.params ?? {}) as P) };
  const response = await inRequestScope(headers, () => handler(request, context));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * Runs `run` inside a Next request scope with these request headers, as Next runs a route
 * handler or a server action: `headers()`, `cookies()` and so the session work inside it.
 */
export function inRequestScope<T>(headers: Headers, run: () => Promise<T>): Promise<T> {
  const requestStore = { type: "request", phase: "render", headers, cookies: new RequestCookies(headers) };
  return workAsyncStorage.run({ route: "/api/v1/test" } as never, () =>
    workUnitAsyncStorage.run(requestStore as never, run),
  );
}
