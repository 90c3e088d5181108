import { apiRoute } from "@/server/http/api-route";
import { buildOpenApiDocument } from "@/server/openapi/document";

export const dynamic = "force-dynamic";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI 3.1 description of this API. Public, so that clients can be generated without a token. */
export const GET = apiRoute(
  async () => {
    cached ??= buildOpenApiDocument();
    return cached;
  },
  { public: true },
);
