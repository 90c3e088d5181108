"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { ChevronIcon } from "./chevron-icon";
import { MENU_CONTENT, MENU_ITEM, MENU_LABEL, MENU_SEPARATOR, MENU_TRIGGER } from "./menu-styles";

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}

/** The signed-in user's menu: who they are, their API tokens, and signing out. */
export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className={MENU_TRIGGER}>
        <span
          aria-hidden="true"
          className="inline-flex size-7 items-center justify-center rounded-full bg-accent-100 text-xs font-semibold text-accent-800"
        >
          {initials(name)}
        </span>
        <span className="sr-only">Account: </span>
        <span className="hidden truncate sm:inline">{name}</span>
        <ChevronIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className={MENU_CONTENT}>
          <DropdownMenu.Label className="px-2 py-1.5">
            <span className="block font-medium text-slate-900">{name}</span>
            <span className="block truncate text-xs text-slate-500">{email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className={MENU_SEPARATOR} />
          <DropdownMenu.Label className={MENU_LABEL}>Account</DropdownMenu.Label>
          <DropdownMenu.Item asChild className={MENU_ITEM}>
            <Link href="/settings/tokens">API tokens</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={MENU_ITEM} onSelect={() => signOut({ callbackUrl: "/sign-in" })}>
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
