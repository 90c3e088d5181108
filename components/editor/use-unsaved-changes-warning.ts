"use client";

import { useEffect } from "react";

/**
 * Asks the browser to confirm leaving the page while edits are not yet committed on the server.
 * They are also kept in IndexedDB, but private windows and storage-blocked browsers have none,
 * and a user who was told "not saved" should not lose work to one stray click.
 */
export function useUnsavedChangesWarning(hasUnsavedChanges: boolean): void {
  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const handleBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", handleBeforeUnload);
    return () => window.removeEventListener("beforeunload", handleBeforeUnload);
  }, [hasUnsavedChanges]);
}
