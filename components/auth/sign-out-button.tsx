"use client";

import { signOut } from "next-auth/react";
import type { ReactNode } from "react";
import { FOCUS_RING } from "../ui/button";

/** A link-styled button that signs out and then opens `callbackPath` (a path on this site). */
export function SignOutButton({ callbackPath = "/sign-in", children }: { callbackPath?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: callbackPath })}
      className={`rounded font-medium text-accent-700 hover:underline ${FOCUS_RING}`}
    >
      {children}
    </button>
  );
}
