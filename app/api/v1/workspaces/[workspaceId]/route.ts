import { updateWorkspaceInput } from "@/lib/schemas/workspaces";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { getWorkspace } from "@/server/workspaces/get-workspace";
import { renameWorkspace } from "@/server/workspaces/rename-workspace";
import { updateWorkspaceSettings } from "@/server/workspaces/update-workspace-settings";

type Params = { workspaceId: string };

/** One of the caller's workspaces. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  getWorkspace({ actor, workspaceId: params.workspaceId }),
);

/** Renames the workspace and/or changes its review rules (owners). */
export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const { name, requiredApprovals, requiredKeyApprovals } = parseInput(
    updateWorkspaceInput,
    await readJsonBody(request),
  );
  const { workspaceId } = params;
  // Rules first: they are the part that can still be refused (400) once the body is valid.
  let summary =
    requiredApprovals !== undefined || requiredKeyApprovals !== undefined
      ? await updateWorkspaceSettings({ actor, workspaceId, requiredApprovals, requiredKeyApprovals })
      : undefined;
  if (name !== undefined) summary = await renameWorkspace({ actor, workspaceId, name });
  return summary;
});
