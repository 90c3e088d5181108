"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { WorkspaceRole } from "@/lib/roles";
import { canViewWorkspaceAudit } from "@/lib/schemas/audit";
import { FOCUS_RING } from "../ui/button";
import { ChevronIcon } from "./chevron-icon";
import { MENU_CONTENT, MENU_ITEM, MENU_TRIGGER } from "./menu-styles";

interface Section {
  href: string;
  label: string;
  active: boolean;
}

/** The workspace's sections; the audit trail only for the roles that may open it. */
function sectionsOf(workspaceId: string, pathname: string, role?: WorkspaceRole): Section[] {
  const base = `/w/${workspaceId}`;
  return [
    { href: base, label: "Assessments", active: pathname === base || pathname.startsWith(`${base}/a/`) },
    { href: `${base}/library`, label: "Library", active: pathname.startsWith(`${base}/library`) },
    { href: `${base}/search`, label: "Search", active: pathname.startsWith(`${base}/search`) },
    { href: `${base}/forecasts`, label: "Forecasts", active: pathname.startsWith(`${base}/forecasts`) },
    { href: `${base}/members`, label: "Members", active: pathname.startsWith(`${base}/members`) },
    ...(role && canViewWorkspaceAudit(role)
      ? [{ href: `${base}/audit`, label: "Audit", active: pathname.startsWith(`${base}/audit`) }]
      : []),
  ];
}

/**
 * The workspace's sections, the current one marked for assistive technology too: a row of links
 * on wide screens, a menu named after the current section on narrow ones (the row would push the
 * bell and the account menu off a phone's screen).
 */
export function NavLinks({ workspaceId, role }: { workspaceId: string; role?: WorkspaceRole }) {
  const sections = sectionsOf(workspaceId, usePathname(), role);
  const current = sections.find((section) => section.active);
  return (
    <>
      <nav aria-label="Workspace" className="hidden items-center gap-1 lg:flex">
        {sections.map((section) => (
          <Link
            key={section.href}
            href={section.href}
            aria-current={section.active ? "page" : undefined}
            className={clsx(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              FOCUS_RING,
              section.active
                ? "bg-accent-50 text-accent-700"
                : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {section.label}
          </Link>
        ))}
      </nav>
      <nav aria-label="Workspace sections" className="shrink-0 lg:hidden">
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className={MENU_TRIGGER}>
            <span className="sr-only">Section: </span>
            <span className="truncate">{current?.label ?? "Sections"}</span>
            <ChevronIcon />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="start" sideOffset={6} className={MENU_CONTENT}>
              {sections.map((section) => (
                <DropdownMenu.Item key={section.href} asChild className={MENU_ITEM}>
                  <Link href={section.href} aria-current={section.active ? "page" : undefined}>
                    {section.label}
                  </Link>
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </nav>
    </>
  );
}
