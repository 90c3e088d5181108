import { readdirSync } from "node:fs";
import path from "node:path";
import type { HttpMethod } from "../authorization-matrix";
import type { RouteHandler } from "./invoke-route";

const HTTP_METHODS: readonly HttpMethod[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const APP_DIR = path.resolve(import.meta.dirname, "../../../app");

/** One `route.ts` of the app as Next serves it. */
export interface RouteModule {
  /** The URL pattern, `[param]` written `{param}` and route groups left out, e.g. `/api/v1/workspaces/{workspaceId}`. */
  path: string;
  file: string;
  /** The HTTP methods the module exports a handler for. */
  handlers: Partial<Record<HttpMethod, RouteHandler>>;
}

/** `app/`-relative folder of a route file, as a URL pattern. */
export function routePattern(relativeFile: string): string {
  const segments = path
    .dirname(relativeFile)
    .split(path.sep)
    .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"))
    .map((segment) => segment.replace(/^\[\[?(\.\.\.)?(\w+)\]?\]$/, (_, spread = "", name) => `{${spread}${name}}`));
  return `/${segments.join("/")}`;
}

/**
 * Every route handler of the app, found on disk: each `app/**\/route.ts` and the HTTP method
 * functions it exports. This is what Next serves, so a route added without a row in the
 * authorization matrix is found here.
 */
export async function loadRouteModules(): Promise<RouteModule[]> {
  const files = readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|[\\/])route\.(ts|tsx|js|mjs)$/.test(file))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const module = (await import(path.join(APP_DIR, file))) as Record<string, unknown>;
      const handlers = Object.fromEntries(
        HTTP_METHODS.filter((method) => typeof module[method] === "function").map((method) => [method, module[method]]),
      ) as Partial<Record<HttpMethod, RouteHandler>>;
      return { path: routePattern(file), file: `app/${file}`, handlers };
    }),
  );
}
