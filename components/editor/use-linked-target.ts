"use client";

import { useEffect, useRef } from "react";

/** What a link into the assessment points at: `#thread-<id>` or `#judgement-<id>` (notifications use both). */
export type LinkedTarget = { kind: "thread" | "judgement"; id: string };

/** The target named by the page's URL fragment, if any. */
export function linkedTarget(hash: string): LinkedTarget | null {
  const match = /^#(thread|judgement)-([A-Za-z0-9_-]{1,80})$/.exec(hash);
  return match?.[1] && match[2] ? { kind: match[1] as LinkedTarget["kind"], id: match[2] } : null;
}

/**
 * Goes to the URL fragment's target once it can: the text has synced and `reveal` finds it
 * (threads load after the text). Runs `reveal` until it returns true, once per page load; the
 * browser's own fragment scroll cannot, since the editor renders after the page.
 */
export function useLinkedTarget(
  kind: LinkedTarget["kind"],
  isReady: boolean,
  reveal: (id: string) => boolean,
  deps: readonly unknown[],
): void {
  const done = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` are the caller's signals that the target may now exist.
  useEffect(() => {
    if (done.current || !isReady) return;
    const target = linkedTarget(window.location.hash);
    if (!target || target.kind !== kind) {
      done.current = true;
      return;
    }
    if (reveal(target.id)) done.current = true;
  }, [kind, isReady, ...deps]);
}
