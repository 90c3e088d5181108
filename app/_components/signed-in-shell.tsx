import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { TopBar } from "@/components/top-bar/top-bar";
import type { Actor } from "@/server/auth/actor";
import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";
import { listWorkspaces } from "@/server/workspaces/list-workspaces";

/** Top bar (with the notifications bell and its unread count) plus the main region, for every page of a signed-in user. */
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
  const [workspaces, unreadCount] = await Promise.all([listWorkspaces({ actor }), countUnreadNotifications({ actor })]);
  return (
    <>
      <TopBar
        user={{ name: actor.name, email: actor.email }}
        workspaces={workspaces.map(({ id, name, role }) => ({ id, name, role }))}
        currentWorkspaceId={currentWorkspaceId}
        notifications={<NotificationBell initialUnreadCount={unreadCount} />}
      />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-8 focus:outline-none sm:px-6">
        {children}
      </main>
    </>
  );
}
