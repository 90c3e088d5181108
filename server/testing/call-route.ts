import { callRoute as callRouteInScope } from "./route-test-helpers";

/** A Next.js App Router route handler as exported from a `route.ts`. */
type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface CallRouteOptions<P> {
  /** Path and query, e.g. `/api/v1/tokens?x=1`; only the handler decides what it means. */
  path: string;
  method?: string;
  /** The dynamic segments Next would pass. */
  params?: P;
  /** An API token secret, sent as `Authorization: Bearer …`. */
  bearer?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent verbatim (for malformed bodies). */
  rawBody?: string;
}

/**
 * Invokes a route handler with a Bearer token, the way scripts call the API, and returns the
 * status and the parsed JSON body (null for empty bodies). Shorthand for the request-scoped
 * `callRoute` of route-test-helpers.ts.
 */
export function callRoute<P>(
  handler: RouteHandler<P>,
  options: CallRouteOptions<P>,
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies of many shapes.
): Promise<{ status: number; body: any }> {
  return callRouteInScope(handler, {
    path: options.path,
    method: options.method,
    params: options.params,
    token: options.bearer,
    body: options.rawBody ?? options.json,
  });
}
