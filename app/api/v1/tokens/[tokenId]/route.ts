import { apiRoute } from "@/server/http/api-route";
import { revokeApiToken } from "@/server/tokens/revoke-api-token";

/** Revokes one of the caller's tokens; it stops working immediately. */
export const DELETE = apiRoute<{ tokenId: string }>(async ({ params, actor }) => {
  await revokeApiToken({ actor, tokenId: params.tokenId });
});
