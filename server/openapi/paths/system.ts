import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { jsonResponse, PUBLIC } from "../registry";

const healthStatus = z
  .object({
    status: z.enum(["ok", "error"]),
    db: z.enum(["pglite", "postgres", "unknown"]).describe("Which database the server runs on."),
    version: z.string(),
    error: z.string().optional(),
  })
  .meta({ id: "HealthStatus" });

/** GET /api/health and GET /api/v1/openapi.json: the two endpoints anyone may call to learn about the server. */
export function registerSystemPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/health",
    tags: ["System"],
    summary: "Check that the server and its database are up",
    description: "For load balancers and uptime checks. Not versioned, and needs no authentication.",
    security: PUBLIC,
    responses: {
      200: jsonResponse("The server is up and the database answers.", healthStatus),
      503: jsonResponse("The database is unreachable.", healthStatus),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/openapi.json",
    tags: ["System"],
    summary: "This OpenAPI 3.1 document",
    security: PUBLIC,
    responses: {
      200: jsonResponse("The OpenAPI document.", z.record(z.string(), z.unknown())),
    },
  });
}
