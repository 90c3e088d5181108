"use client";

import { useEffect, useRef } from "react";
import { watchLibrary } from "@/lib/realtime/library-connection";
import type { LibraryChange } from "@/lib/realtime/library-protocol";

export type { LibraryChange } from "@/lib/realtime/library-protocol";

/**
 * Calls `onChange` whenever a source, site or observation of the workspace's library is created,
 * changed, retracted or imported by anyone, live over the tab's shared `/library` connection.
 * After a reconnection it is called once with `{ kind: "library" }`, since changes made in the
 * meantime were missed. `onChange` may change between renders without re-watching.
 */
export function useLibraryUpdates(workspaceId: string, onChange: (change: LibraryChange) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => watchLibrary(workspaceId, (change) => latest.current(change)), [workspaceId]);
}
