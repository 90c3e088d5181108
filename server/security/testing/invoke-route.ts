import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { NextRequest } from "next/server";

/** A route handler as a `route.ts` exports it. */
export type RouteHandler = (request: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;

export interface RouteCall {
  method: string;
  /** Path and query. */
  path: string;
  params: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** JSON (any value that is not a string, FormData or bytes), or a body sent as it is. */
  body?: unknown;
}

export interface RouteAnswer {
  status: number;
  /** Parsed JSON, the text of any other body, or null when empty. */
  // biome-ignore lint/suspicious/noExplicitAny: the matrix reads the error code of any route's body.
  body: any;
  headers: Headers;
}

function encodeBody(body: unknown, headers: Headers): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string" || body instanceof FormData || body instanceof Uint8Array) return body as BodyInit;
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return JSON.stringify(body);
}

/**
 * Calls a route handler as Next would: a NextRequest (next-auth reads `nextUrl`), inside Next's
 * request scope (`headers()`/`cookies()` for getServerSession), params as a Promise. Like
 * server/testing/route-test-helpers.ts, but for any body (multipart, CSV) and any response type.
 */
export async function invokeRoute(handler: RouteHandler, call: RouteCall): Promise<RouteAnswer> {
  const headers = new Headers(call.headers);
  const body = encodeBody(call.body, headers);
  const request = new NextRequest(new URL(call.path, "http://localhost:3000"), { method: call.method, headers, body });
  const scope = { type: "request", phase: "render", headers, cookies: new RequestCookies(headers) };
  const response = await workAsyncStorage.run({ route: call.path } as never, () =>
    workUnitAsyncStorage.run(scope as never, () => handler(request, { params: Promise.resolve(call.params) })),
  );
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return { status: response.status, body: text && isJson ? JSON.parse(text) : text || null, headers: response.headers };
}
