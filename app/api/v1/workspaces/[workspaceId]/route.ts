import { renameWorkspaceInput } from "@/lib/schemas/workspaces";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { getWorkspace } from "@/server/workspaces/get-workspace";
import { renameWorkspace } from "@/server/workspaces/rename-workspace";

type Params = { workspaceId: string };

/** One of the caller's workspaces. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  getWorkspace({ actor, workspaceId: params.workspaceId }),
);

/** Renames the workspace (owners). */
export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(renameWorkspaceInput, await readJsonBody(request));
  return renameWorkspace({ ...input, actor, workspaceId: params.workspaceId });
});
