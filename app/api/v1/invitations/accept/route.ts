import { acceptInvitationInput } from "@/lib/schemas/invitations";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { acceptInvitation } from "@/server/invitations/accept-invitation";

/** Joins a workspace with an invitation link's secret; used, expired and revoked links are 410. */
export const POST = apiRoute(async ({ request, actor }) => {
  const input = parseInput(acceptInvitationInput, await readJsonBody(request));
  return acceptInvitation({ ...input, actor });
});
