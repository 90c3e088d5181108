import { changeMemberRoleInput } from "@/lib/schemas/workspaces";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { changeMemberRole } from "@/server/members/change-member-role";
import { removeMember } from "@/server/members/remove-member";

type Params = { workspaceId: string; userId: string };

/** Changes a member's role (owners); never leaves the workspace without an owner. */
export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(changeMemberRoleInput, await readJsonBody(request));
  return changeMemberRole({ ...input, actor, workspaceId: params.workspaceId, userId: params.userId });
});

/** Removes a member (owners), or leaves the workspace when `userId` is the caller's own id. */
export const DELETE = apiRoute<Params>(async ({ params, actor }) => {
  await removeMember({ actor, workspaceId: params.workspaceId, userId: params.userId });
});
