import type { ReactNode } from "react";
import { Wordmark } from "../wordmark";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import { type SwitcherWorkspace, WorkspaceSwitcher } from "./workspace-switcher";

/** The bar on every signed-in page: wordmark, workspace switcher, workspace sections, notifications, user menu. */
export function TopBar({
  user,
  workspaces,
  currentWorkspaceId,
  notifications,
}: {
  user: { name: string; email: string };
  workspaces: SwitcherWorkspace[];
  currentWorkspaceId?: string;
  /** The notifications bell, shown before the user menu. */
  notifications?: ReactNode;
}) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-1 px-2 sm:gap-3 sm:px-6">
        <Wordmark labelClassName="sr-only sm:not-sr-only" />
        <span aria-hidden="true" className="hidden h-5 w-px bg-slate-200 sm:block" />
        <WorkspaceSwitcher workspaces={workspaces} currentId={currentWorkspaceId} />
        {currentWorkspaceId ? (
          <NavLinks
            workspaceId={currentWorkspaceId}
            role={workspaces.find((workspace) => workspace.id === currentWorkspaceId)?.role}
          />
        ) : null}
        <div className="ml-auto flex shrink-0 items-center gap-1">
          {notifications}
          <UserMenu name={user.name} email={user.email} />
        </div>
      </div>
    </header>
  );
}
