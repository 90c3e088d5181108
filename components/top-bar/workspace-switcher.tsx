"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import clsx from "clsx";
import Link from "next/link";
import { ROLE_LABELS, type WorkspaceRole } from "@/lib/roles";
import { ChevronIcon } from "./chevron-icon";
import { MENU_CONTENT, MENU_ITEM, MENU_LABEL, MENU_SEPARATOR, MENU_TRIGGER } from "./menu-styles";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  role: WorkspaceRole;
}

/** Menu of the signed-in user's workspaces, with a way to create another. */
export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: SwitcherWorkspace[]; currentId?: string }) {
  const current = workspaces.find((workspace) => workspace.id === currentId);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className={clsx(MENU_TRIGGER, "min-w-0 max-w-40 sm:max-w-64")}>
        <span className="sr-only">Workspace: </span>
        <span className="truncate">{current?.name ?? "Workspaces"}</span>
        <ChevronIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className={MENU_CONTENT}>
          <DropdownMenu.Label className={MENU_LABEL}>Your workspaces</DropdownMenu.Label>
          {workspaces.length === 0 ? <p className="px-2 py-1.5 text-slate-500">You are in no workspace yet.</p> : null}
          {workspaces.map((workspace) => (
            <DropdownMenu.Item key={workspace.id} asChild className={MENU_ITEM}>
              <Link href={`/w/${workspace.id}`} aria-current={workspace.id === currentId ? "page" : undefined}>
                <span className="truncate">
                  {workspace.id === currentId ? <span className="sr-only">Current: </span> : null}
                  {workspace.name}
                </span>
                <span className="text-xs text-slate-500">{ROLE_LABELS[workspace.role]}</span>
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className={MENU_SEPARATOR} />
          <DropdownMenu.Item asChild className={MENU_ITEM}>
            <Link href="/w/new">New workspace</Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
