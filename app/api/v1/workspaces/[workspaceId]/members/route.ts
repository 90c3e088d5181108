import { addMemberInput } from "@/lib/schemas/workspaces";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { addMember } from "@/server/members/add-member";
import { listMembers } from "@/server/members/list-members";

type Params = { workspaceId: string };

/** Everyone in the workspace with their role (any member). */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  listMembers({ actor, workspaceId: params.workspaceId }),
);

/** Adds someone who already has an account, by email (owners). */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(addMemberInput, await readJsonBody(request));
  return created(await addMember({ ...input, actor, workspaceId: params.workspaceId }));
});
