import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { apiTokenSummary, createApiTokenInput, createdApiToken } from "@/lib/schemas/tokens";
import { errorResponses, jsonBody, jsonResponse } from "../registry";

const tokenParams = z.object({ tokenId: z.uuid().describe("The token's id (not its secret).") });

/** Personal API tokens: list, create (secret shown once), revoke. */
export function registerTokenPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/tokens",
    tags: ["API tokens"],
    summary: "List your API tokens",
    description: "Your own tokens, newest first, including revoked and expired ones. Secrets are never listed.",
    responses: {
      200: jsonResponse("Your tokens.", z.array(apiTokenSummary)),
      ...errorResponses("unauthorized"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/tokens",
    tags: ["API tokens"],
    summary: "Create an API token",
    description:
      "Returns the secret once; only its hash is stored. Send it as `Authorization: Bearer <secret>`. " +
      "Requests authenticated with a token cannot create tokens (403).",
    request: { body: jsonBody(createApiTokenInput) },
    responses: {
      201: jsonResponse("The token and its secret.", createdApiToken),
      ...errorResponses("bad_request", "unauthorized", "forbidden"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/tokens/{tokenId}",
    tags: ["API tokens"],
    summary: "Revoke an API token",
    description: "The token stops working on the next request. Revoking a revoked token changes nothing.",
    request: { params: tokenParams },
    responses: {
      204: { description: "Revoked." },
      ...errorResponses("unauthorized", "not_found"),
    },
  });
}
