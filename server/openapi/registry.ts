import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ERROR_KINDS, type ErrorKind } from "@/lib/errors";

/** Name of the bearer-token security scheme (`Authorization: Bearer plx_…`). */
export const BEARER_AUTH = "bearerAuth";
/** Name of the session-cookie security scheme (signed-in browsers). */
export const SESSION_COOKIE_AUTH = "sessionCookie";

/** Either way of authenticating; the default requirement of every operation. */
export const AUTHENTICATED: Record<string, string[]>[] = [{ [BEARER_AUTH]: [] }, { [SESSION_COOKIE_AUTH]: [] }];
/** Operations anyone may call (sign-up, health, this document). */
export const PUBLIC: Record<string, string[]>[] = [];

/** The body of every error response: `AppError.toJSON()` in lib/errors.ts. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe("`<kind>:<subject>`, e.g. `not_found:assessment`. The kind decides the HTTP status."),
      message: z.string().describe("A sentence that is safe to show a user."),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('Messages per invalid field, keyed by a dotted path into the body ("" for the body itself).'),
      current: z
        .unknown()
        .optional()
        .describe(
          "With a 409 revision conflict: the record as it is now on the server (its `revision` is the one to send). " +
            "With a 409 `conflict:publish_gate`: the publish gate, whose `unmet` lists what holds it up. " +
            "With a 409 `conflict:assessment_details`: the assessment as it is now, with who last changed each field (`lastChanges`).",
        ),
    }),
  })
  .meta({ id: "Error" });

/** Reference to the shared `Error` component registered by `createOpenApiRegistry`. */
export const ERROR_SCHEMA_REF = { $ref: "#/components/schemas/Error" };

const ERROR_DESCRIPTIONS: Partial<Record<ErrorKind, string>> = {
  bad_request: "The body or a parameter is not valid; `error.fields` says which and why.",
  unauthorized: "Not signed in, or the API token is missing, revoked or expired.",
  forbidden: "The caller's role does not allow this.",
  not_found: "No such resource, or it belongs to a workspace the caller is not a member of.",
  method_not_allowed: "The resource does not allow this method (see the Allow header).",
  conflict: "The resource is in a state that does not allow this change.",
  gone: "The resource is no longer available.",
  payload_too_large: "The body is too large.",
  unprocessable: "The body is well-formed but not possible for the record as it is; `error.fields` says why.",
  rate_limited: "Too many attempts; see the Retry-After header.",
};

/**
 * Error responses for an operation, keyed by status code: `errorResponses("bad_request", "not_found")`.
 * Every response shares the `Error` schema.
 */
export function errorResponses(...kinds: ErrorKind[]): Record<string, ResponseConfig> {
  const responses: Record<string, ResponseConfig> = {};
  for (const kind of kinds) {
    responses[String(ERROR_KINDS[kind])] = {
      description: ERROR_DESCRIPTIONS[kind] ?? "Error.",
      content: { "application/json": { schema: ERROR_SCHEMA_REF } },
    };
  }
  return responses;
}

/** A JSON response with a zod schema, for `responses` of `registerPath`. */
export function jsonResponse(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { "application/json": { schema } } };
}

/** A JSON request body with a zod schema, for `request.body` of `registerPath`. */
export function jsonBody(schema: z.ZodType, description?: string) {
  return { required: true, description, content: { "application/json": { schema } } };
}

/**
 * A fresh registry holding the security schemes and the shared `Error` schema. Each document
 * build gets its own, so registering paths twice (tests, hot reload) never duplicates them.
 */
export function createOpenApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", BEARER_AUTH, {
    type: "http",
    scheme: "bearer",
    description: "A personal API token (`plx_…`), created under Settings → API tokens or `POST /api/v1/tokens`.",
  });
  registry.registerComponent("securitySchemes", SESSION_COOKIE_AUTH, {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description:
      "The browser session (`__Secure-next-auth.session-token` when served over HTTPS). POST, PUT, PATCH and " +
      "DELETE with the cookie must send `Origin` equal to PUBLIC_URL (or `Sec-Fetch-Site: same-origin`), " +
      "else 403 `forbidden:origin` (CSRF).",
  });
  // `registry.register` needs extendZodWithOpenApi, which the project avoids in favour of zod's
  // own `.meta()`; so the component is converted by the same generator and added as a raw one.
  const { components } = new OpenApiGeneratorV31([{ type: "schema", schema: errorBodySchema }]).generateComponents();
  const errorSchema = components?.schemas?.Error;
  if (errorSchema) registry.registerComponent("schemas", "Error", errorSchema);
  return registry;
}
