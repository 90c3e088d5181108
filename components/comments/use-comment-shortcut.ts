"use client";

import { useEffect, useRef } from "react";

/** Ctrl+Alt+M (Cmd+Option+M on a Mac); by key code, as Option+M types "µ" on a Mac. */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === "KeyM";
}

/**
 * Calls `onComment` on Ctrl/Cmd+Alt+M anywhere on the page. Listened for on the window, not as an
 * editor keymap: a read-only editor is not focusable, so its keymap never sees the keys of a
 * reviewer who selected text in it.
 */
export function useCommentShortcut(onComment: () => void): void {
  const callback = useRef(onComment);
  callback.current = onComment;
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      callback.current();
    };
    window.addEventListener("keydown", handleKeyDown);
    return () => window.removeEventListener("keydown", handleKeyDown);
  }, []);
}
