import { createWorkspaceInput } from "@/lib/schemas/workspaces";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { listWorkspaces } from "@/server/workspaces/list-workspaces";

/** The caller's workspaces, by name, with their role in each. */
export const GET = apiRoute(async ({ actor }) => listWorkspaces({ actor }));

/** Creates a workspace; the caller becomes its owner. */
export const POST = apiRoute(async ({ request, actor }) => {
  const input = parseInput(createWorkspaceInput, await readJsonBody(request));
  return created(await createWorkspace({ ...input, actor }));
});
