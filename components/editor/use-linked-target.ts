"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Dispatched on `window` (a `CustomEvent` whose detail is the link's fragment) when an in-app link
 * to a fragment of the page already open is followed: Next.js changes the URL with `pushState`,
 * which fires no `hashchange`, so the page would not go to the new target.
 */
export const LINKED_TARGET_EVENT = "parallax:linked-target";

/** Tells the open page that a link to `href` was followed, if `href` is a fragment of this very page. */
export function announceLinkedTarget(href: string): void {
  const url = new URL(href, window.location.href);
  if (url.pathname !== window.location.pathname || url.hash === "") return;
  window.dispatchEvent(new CustomEvent(LINKED_TARGET_EVENT, { detail: url.hash }));
}

/** What a link into the assessment points at: `#thread-<id>` or `#judgement-<id>` (notifications use both). */
export type LinkedTarget = { kind: "thread" | "judgement"; id: string };

/** The target named by the page's URL fragment, if any. */
export function linkedTarget(hash: string): LinkedTarget | null {
  const match = /^#(thread|judgement)-([A-Za-z0-9_-]{1,80})$/.exec(hash);
  return match?.[1] && match[2] ? { kind: match[1] as LinkedTarget["kind"], id: match[2] } : null;
}

/**
 * Goes to the URL fragment's target once it can: the text has synced and `reveal` finds it
 * (threads load after the text). Runs `reveal` until it returns true, once per page load and
 * again for each link to another fragment followed on the page (`announceLinkedTarget`, or the
 * browser's `hashchange`); the browser's own fragment scroll cannot, since the editor renders
 * after the page.
 */
export function useLinkedTarget(
  kind: LinkedTarget["kind"],
  isReady: boolean,
  reveal: (id: string) => boolean,
  deps: readonly unknown[],
): void {
  const done = useRef(false);
  const [hash, setHash] = useState<string | null>(null);
  useEffect(() => {
    const follow = (next: string) => {
      done.current = false;
      setHash(next);
    };
    const onLinked = (event: Event) => follow(String((event as CustomEvent<string>).detail));
    const onHashChange = () => follow(window.location.hash);
    window.addEventListener(LINKED_TARGET_EVENT, onLinked);
    window.addEventListener("hashchange", onHashChange);
    return () => {
      window.removeEventListener(LINKED_TARGET_EVENT, onLinked);
      window.removeEventListener("hashchange", onHashChange);
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` are the caller's signals that the target may now exist.
  useEffect(() => {
    if (done.current || !isReady) return;
    const target = linkedTarget(hash ?? window.location.hash);
    if (!target || target.kind !== kind) {
      done.current = true;
      return;
    }
    if (reveal(target.id)) done.current = true;
  }, [kind, isReady, hash, ...deps]);
}
