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
 * Invokes a route handler the way Next does, with a real `Request`, and returns the status and
 * the parsed JSON body (null for empty bodies). Integration tests call handlers directly
 * instead of booting the server.
 */
export async function callRoute<P>(
  handler: RouteHandler<P>,
  options: CallRouteOptions<P>,
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies of many shapes.
): Promise<{ status: number; body: any }> {
  const headers = new Headers();
  if (options.bearer) headers.set("authorization", `Bearer ${options.bearer}`);
  const body = options.rawBody ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(new URL(options.path, "http://localhost"), {
    method: options.method ?? "GET",
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
