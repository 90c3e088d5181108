"use client";

import { useEffect, useRef } from "react";
import { watchLibrary } from "@/lib/realtime/library-connection";
import type { LibraryChange } from "@/lib/realtime/library-protocol";

export type { LibraryChange } from "@/lib/realtime/library-protocol";

/**
 * Calls `onChange` whenever a source, site or observation of the workspace's library is created,
 * changed, retracted or imported by anyone, live over the tab's shared `/library` connection.
 * Once the watch is confirmed, and again after every reconnection, it is called with
 * `{ kind: "library", catchUp: true }`: changes made while the page was loading, or while the
 * connection was away, were never announced to it. `onChange` may change between renders
 * without re-watching.
 */
export function useLibraryUpdates(workspaceId: string, onChange: (change: LibraryChange) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => watchLibrary(workspaceId, (change) => latest.current(change)), [workspaceId]);
}
