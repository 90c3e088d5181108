import { createApiTokenInput } from "@/lib/schemas/tokens";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { createApiToken } from "@/server/tokens/create-api-token";
import { listApiTokens } from "@/server/tokens/list-api-tokens";

/** The caller's API tokens (never their secrets). */
export const GET = apiRoute(async ({ actor }) => listApiTokens({ actor }));

/** Creates a token; the response is the only time its secret is shown. */
export const POST = apiRoute(async ({ request, actor }) => {
  const input = parseInput(createApiTokenInput, await readJsonBody(request));
  return created(await createApiToken({ ...input, actor }));
});
