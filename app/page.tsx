import { redirect } from "next/navigation";
import { getSessionActor } from "@/server/auth/session";
import { listWorkspaces } from "@/server/workspaces/list-workspaces";

/** Home: the first workspace of a signed-in user, or creating one; the sign-in page otherwise. */
export default async function HomePage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in");
  const [first] = await listWorkspaces({ actor });
  redirect(first ? `/w/${first.id}` : "/w/new");
}
