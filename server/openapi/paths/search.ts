import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { searchQuery, searchResults } from "@/lib/schemas/search";
import { errorResponses, jsonResponse } from "../registry";

/** Full-text search: any signed-in user, over the workspaces they are a member of. */
export function registerSearchPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/search",
    tags: ["Search"],
    summary: "Search assessments, judgements, observations, sources and comments",
    description:
      "Ranked full-text search (PostgreSQL, English stemming) over every workspace the caller is a member of, " +
      "or one (`workspaceId`). Title and statement words rank above body words; each hit carries the best " +
      "passage with the matched words flagged (`snippet[].match`; plain text, never HTML). A filter that only " +
      "applies to some types leaves the others out while it is set: `site` keeps observations and judgements, " +
      "grades keep observations and sources, `status` keeps assessments, judgements and comments. Deleted " +
      "comments are never found. An empty or too long query, or an invalid filter, answers 422 with " +
      "`error.fields`.",
    request: { query: searchQuery },
    responses: {
      200: jsonResponse("Hits, most relevant first, and the offset of the next page.", searchResults),
      ...errorResponses("unauthorized", "not_found", "unprocessable"),
    },
  });
}
