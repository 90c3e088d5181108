"use client";

import type { MouseEvent, ReactNode } from "react";

/**
 * A link to a judgement in the editor on the same page. The editor marks each judgement block
 * with `data-judgement-id` (no DOM id, since ids come from the shared text), so a click scrolls
 * to that block and moves focus into it; the hash keeps the target visible in the address.
 */
export function JudgementLink({ judgementId, children }: { judgementId: string; children: ReactNode }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    const block = document.querySelector<HTMLElement>(`[data-judgement-id="${CSS.escape(judgementId)}"]`);
    if (!block) return;
    event.preventDefault();
    block.scrollIntoView({ behavior: "smooth", block: "center" });
    const focusable = block.querySelector<HTMLElement>("[contenteditable='true']") ?? block;
    focusable.focus({ preventScroll: true });
  }
  return (
    <a
      href={`#judgement-${encodeURIComponent(judgementId)}`}
      onClick={handleClick}
      className="font-medium text-accent-700 underline-offset-2 hover:underline"
    >
      {children}
    </a>
  );
}
