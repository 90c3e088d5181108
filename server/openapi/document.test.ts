import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as getOpenApiJson } from "@/app/api/v1/openapi.json/route";
import { APP_VERSION } from "../version";
import { buildOpenApiDocument } from "./document";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every `route.ts` below a folder of the app router. */
function findRouteFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.join(folder, file));
}

/** `app/api/v1/assessments/[assessmentId]/route.ts` → `/api/v1/assessments/{assessmentId}`. */
function toOpenApiPath(routeFile: string): string {
  const segments = path
    .dirname(routeFile)
    .split(path.sep)
    .slice(1) // "app"
    .filter((segment) => !/^\(.*\)$/.test(segment)) // route groups are not part of the URL
    .map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

/** The HTTP method handlers a route module exports, read from the module itself. */
async function exportedMethods(routeFile: string): Promise<string[]> {
  const routeModule: Record<string, unknown> = await import(path.join(ROOT, routeFile));
  return HTTP_METHODS.filter((method) => typeof routeModule[method] === "function");
}

function collectRefs(value: unknown, refs: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, refs);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") refs.add(child);
      else collectRefs(child, refs);
    }
  }
  return refs;
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("documents every method of every API route handler", async () => {
    const routeFiles = [...findRouteFiles("app/api/v1"), ...findRouteFiles("app/api/health")];
    expect(routeFiles.length).toBeGreaterThan(5);
    const undocumented: string[] = [];
    for (const routeFile of routeFiles) {
      const apiPath = toOpenApiPath(routeFile);
      const methods = await exportedMethods(routeFile);
      expect(methods, `${routeFile} exports no HTTP method`).not.toHaveLength(0);
      for (const method of methods) {
        const operations = document.paths?.[apiPath] as Record<string, unknown> | undefined;
        if (!operations?.[method.toLowerCase()]) undocumented.push(`${method} ${apiPath} (${routeFile})`);
      }
    }
    expect(undocumented, "route handlers missing from server/openapi/paths/*").toEqual([]);
  }, 120_000);

  it("is OpenAPI 3.1 with the running version, both ways to authenticate and a resolvable $ref for every schema", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.version).toBe(APP_VERSION);
    expect(Object.keys(document.components?.securitySchemes ?? {})).toEqual(["bearerAuth", "sessionCookie"]);
    for (const ref of collectRefs(document, new Set())) {
      const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      const components = document.components as Record<string, Record<string, unknown> | undefined>;
      expect(kind && name && components[kind]?.[name], `unresolved ${ref}`).toBeTruthy();
    }
  });

  it("describes errors exactly as the API sends them", () => {
    const errorSchema = document.components?.schemas?.Error as { properties: { error: { required: string[] } } };
    expect(errorSchema.properties.error.required).toEqual(["code", "message"]);
    const createResponses = document.paths?.["/api/v1/workspaces/{workspaceId}/assessments"]?.post?.responses;
    expect(Object.keys(createResponses ?? {})).toEqual(expect.arrayContaining(["201", "400", "403", "404"]));
  });

  it("is served publicly at /api/v1/openapi.json", async () => {
    const response = await getOpenApiJson(new Request("http://localhost/api/v1/openapi.json"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.info.version).toBe(APP_VERSION);
    expect(body.paths["/api/v1/tokens"].post.security).toBeUndefined();
    expect(body.paths["/api/health"].get.security).toEqual([]);
  });
});
