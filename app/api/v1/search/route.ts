import { searchInputOf } from "@/lib/schemas/search";
import { apiRoute } from "@/server/http/api-route";
import { searchEverything } from "@/server/search/search-everything";

/** Full-text search across the caller's workspaces (any signed-in user); 422 for an empty or too long query. */
export const GET = apiRoute(async ({ request, actor }) =>
  searchEverything({ actor, query: searchInputOf(new URL(request.url).searchParams) }),
);
