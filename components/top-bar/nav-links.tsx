"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { WorkspaceRole } from "@/lib/roles";
import { canViewWorkspaceAudit } from "@/lib/schemas/audit";
import { FOCUS_RING } from "../ui/button";

/**
 * The workspace's sections; the current one is marked for assistive technology too. The audit
 * trail is listed only for the roles that may open it.
 */
export function NavLinks({ workspaceId, role }: { workspaceId: string; role?: WorkspaceRole }) {
  const pathname = usePathname();
  const base = `/w/${workspaceId}`;
  const links = [
    { href: base, label: "Assessments", active: pathname === base || pathname.startsWith(`${base}/a/`) },
    { href: `${base}/library`, label: "Library", active: pathname.startsWith(`${base}/library`) },
    { href: `${base}/search`, label: "Search", active: pathname.startsWith(`${base}/search`) },
    { href: `${base}/forecasts`, label: "Forecasts", active: pathname.startsWith(`${base}/forecasts`) },
    { href: `${base}/members`, label: "Members", active: pathname.startsWith(`${base}/members`) },
    ...(role && canViewWorkspaceAudit(role)
      ? [{ href: `${base}/audit`, label: "Audit", active: pathname.startsWith(`${base}/audit`) }]
      : []),
  ];
  return (
    <nav aria-label="Workspace" className="flex items-center gap-1">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.active ? "page" : undefined}
          className={clsx(
            "rounded-md px-3 py-1.5 text-sm font-medium",
            FOCUS_RING,
            link.active ? "bg-accent-50 text-accent-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          )}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
