"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LibraryChange, useLibraryUpdates } from "./use-library-updates";

/** Changes arriving within this window (an import of many records) cause one refresh. */
const REFRESH_DEBOUNCE_MS = 300;

export interface LiveLibraryRefreshProps {
  /** The workspace whose library the page shows. */
  workspaceId: string;
}

/**
 * Re-renders the current server page when anyone changes the workspace's evidence library, so
 * lists, details and citing assessments stay current without a manual reload. Renders only a
 * visually hidden status line for screen readers.
 */
export function LiveLibraryRefresh({ workspaceId }: LiveLibraryRefreshProps) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");

  // A catch-up (the watch confirmed) refreshes in case the page missed a change while it loaded,
  // but says nothing unless a real change arrives within the same window.
  const isAnnounced = useRef(false);
  const handleChange = useCallback(
    (change: LibraryChange) => {
      clearTimeout(timer.current);
      if (!change.catchUp) isAnnounced.current = true;
      timer.current = setTimeout(() => {
        // Offline, Next.js would turn the refresh into a full page load that fails.
        if (!navigator.onLine) return;
        router.refresh();
        if (isAnnounced.current) setAnnouncement(`Evidence library updated at ${new Date().toLocaleTimeString()}.`);
        isAnnounced.current = false;
      }, REFRESH_DEBOUNCE_MS);
    },
    [router],
  );

  useLibraryUpdates(workspaceId, handleChange);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <p className="sr-only" aria-live="polite">
      {announcement}
    </p>
  );
}
