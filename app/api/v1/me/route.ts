import { apiRoute } from "@/server/http/api-route";
import { listWorkspaces } from "@/server/workspaces/list-workspaces";

/** Who the caller is (session or API token) and their workspaces. */
export const GET = apiRoute(async ({ actor }) => ({
  user: { id: actor.id, email: actor.email, name: actor.name },
  workspaces: await listWorkspaces({ actor }),
}));
