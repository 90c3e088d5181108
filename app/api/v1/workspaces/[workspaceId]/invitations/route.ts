import { createInvitationInput } from "@/lib/schemas/invitations";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { createInvitation } from "@/server/invitations/create-invitation";
import { listInvitations } from "@/server/invitations/list-invitations";

type Params = { workspaceId: string };

/** The workspace's invitation links with their status, newest first (owners). */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listInvitations({ actor, workspaceId: params.workspaceId }),
);

/** Creates a single-use invitation link (owners); the response is the only time its secret is shown. */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(createInvitationInput, await readJsonBody(request));
  return created(await createInvitation({ ...input, actor, workspaceId: params.workspaceId }));
});
