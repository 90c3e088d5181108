import { apiRoute } from "@/server/http/api-route";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";

type Params = { workspaceId: string; invitationId: string };

/** Revokes an invitation link (owners); it stops working immediately. */
export const DELETE = apiRoute<Params>(async ({ params, actor }) => {
  await revokeInvitation({ actor, workspaceId: params.workspaceId, invitationId: params.invitationId });
});
