import type { ReactNode } from "react";
import { TopBar } from "@/components/top-bar/top-bar";
import type { Actor } from "@/server/auth/actor";
import { listWorkspaces } from "@/server/workspaces/list-workspaces";

/** Top bar plus the main region, for every page of a signed-in user. */
export async function SignedInShell({
  actor,
  currentWorkspaceId,
  children,
}: {
  actor: Actor;
  /** The workspace whose sections the top bar links to, when the page belongs to one. */
  currentWorkspaceId?: string;
  children: ReactNode;
}) {
  const workspaces = await listWorkspaces({ actor });
  return (
    <>
      <TopBar
        user={{ name: actor.name, email: actor.email }}
        workspaces={workspaces.map(({ id, name, role }) => ({ id, name, role }))}
        currentWorkspaceId={currentWorkspaceId}
      />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-8 focus:outline-none sm:px-6">
        {children}
      </main>
    </>
  );
}
