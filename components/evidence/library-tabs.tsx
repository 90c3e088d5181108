"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { FOCUS_RING } from "../ui/button";

/** The sections of the evidence library; the current one is marked for assistive technology too. */
export function LibraryTabs({ workspaceId }: { workspaceId: string }) {
  const pathname = usePathname();
  const base = `/w/${workspaceId}/library`;
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const tabs = [
    { href: base, label: "Observations", active: pathname === base || under(`${base}/observations`) },
    { href: `${base}/sources`, label: "Sources", active: under(`${base}/sources`) },
    { href: `${base}/sites`, label: "Sites", active: under(`${base}/sites`) },
    { href: `${base}/map`, label: "Map", active: under(`${base}/map`) },
    { href: `${base}/conflicts`, label: "Conflicts", active: under(`${base}/conflicts`) },
    { href: `${base}/transfer`, label: "Import & export", active: under(`${base}/transfer`) },
  ];
  return (
    <nav aria-label="Evidence library" className="relative mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={clsx(
                "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                FOCUS_RING,
                tab.active
                  ? "border-accent-600 text-accent-700"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
