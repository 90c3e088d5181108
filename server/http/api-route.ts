import { randomUUID } from "node:crypto";
import { AppError, isAppError } from "@/lib/errors";
import type { Actor } from "../auth/actor";
import { requireApiActor } from "../auth/session";
import { logger } from "../logger";
import { assertSameOrigin } from "./check-origin";
import { limitApiRequests } from "./limit-api-requests";
import { nulCharacterErrors } from "./parse-input";

export interface ApiContext<P> {
  request: Request;
  /** Dynamic route segments, already awaited. */
  params: P;
  /** The authenticated caller (absent only for `{ public: true }` routes). */
  actor: Actor;
  requestId: string;
}

type Handler<P> = (context: ApiContext<P>) => Promise<Response | unknown>;

/**
 * Wraps an App Router route handler: authenticates (Bearer token or session; a session's
 * mutations must come from our own origin), spends one request of the caller's per-minute
 * allowance (429 `rate_limited:api` past it), runs the handler,
 * and maps errors to JSON: `AppError` to its status, anything else to a logged 500 whose details
 * never reach the client.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: { public?: boolean } = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    try {
      const actor = options.public ? (undefined as unknown as Actor) : await requireApiActor(request);
      if (actor) limitApiRequests(actor);
      // The session cookie rides along on any cross-site request; a Bearer token does not (CSRF).
      if (actor?.via === "session") assertSameOrigin(request);
      const params = (await context?.params) ?? ({} as P);
      refuseNulCharacters(params);
      const result = await handler({ request, params, actor, requestId });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result);
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

/**
 * Route segments are not all ids checked by shape (a judgement id is any text): one holding a
 * NUL character (`%00`) is refused here, before it can reach a query PostgreSQL would fail on.
 */
function refuseNulCharacters(params: unknown): void {
  const fields = nulCharacterErrors(params);
  if (Object.keys(fields).length > 0) {
    throw new AppError("bad_request:path", "The address of this request is not valid.", { fields });
  }
}

/** The JSON error response for any thrown value. */
export function errorResponse(error: unknown, requestId: string): Response {
  const appError = isAppError(error) ? error : new AppError("internal:server");
  if (!isAppError(error)) logger().error({ err: error, reqId: requestId }, "unhandled API error");
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (appError.retryAfterSeconds) headers["retry-after"] = String(appError.retryAfterSeconds);
  return Response.json(appError.toJSON(), { status: appError.status, headers });
}

/** A 201 response with a JSON body. */
export function created(body: unknown): Response {
  return Response.json(body, { status: 201 });
}
