"use client";

import clsx from "clsx";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { FOCUS_RING } from "@/components/ui/button";
import { observationLabel } from "@/lib/editor/citation-evidence";
import { useEditorEvidence } from "./editor-evidence";
import { ObservationCard } from "./observation-card";

// Long enough to move the pointer from the chip onto the card (WCAG 1.4.13: hoverable).
const CLOSE_DELAY_MS = 200;

/** Fixed-position coordinates for the card below (or, near the bottom edge, above) the chip. */
function placeCard(anchor: HTMLElement): { left: number; top?: number; bottom?: number } {
  const box = anchor.getBoundingClientRect();
  const left = Math.max(8, Math.min(box.left, window.innerWidth - 360));
  return box.bottom + 280 > window.innerHeight && box.top > 280
    ? { left, bottom: window.innerHeight - box.top + 6 }
    : { left, top: box.bottom + 6 };
}

/**
 * One cited observation as a chip: its file id (or a short summary), marked when retracted or
 * not in the library. Hovering or focusing it shows the observation card (role tooltip, named
 * by `aria-describedby`); Escape hides it. The card is portalled to the page body so it is
 * never part of the document's text.
 */
export function CitationChip({
  observationId,
  isSelected = false,
  children,
}: {
  observationId: string;
  /** The chip is the editor's selected node: show the card as if focused. */
  isSelected?: boolean;
  /** Controls beside the label inside the chip (e.g. a remove button). */
  children?: ReactNode;
}) {
  const { evidence } = useEditorEvidence();
  const observation = evidence.observationById.get(observationId);
  const isUnknown = !observation && evidence.status !== "loading";
  const isRetracted = Boolean(observation?.retraction);
  const label = observation ? observationLabel(observation) : `${observationId.slice(0, 8)}…`;
  const [isHovered, setHovered] = useState(false);
  const [isFocused, setFocused] = useState(false);
  const [isDismissed, setDismissed] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cardId = useId();
  const isOpen = (isHovered || isFocused || isSelected) && !isDismissed;

  useEffect(() => () => clearTimeout(closeTimer.current), []);
  useEffect(() => {
    if (!isOpen) return;
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setDismissed(true);
    };
    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, [isOpen]);

  const hover = (value: boolean) => {
    clearTimeout(closeTimer.current);
    if (value) {
      setDismissed(false);
      setHovered(true);
    } else closeTimer.current = setTimeout(() => setHovered(false), CLOSE_DELAY_MS);
  };

  return (
    <span
      className={clsx(
        "citation-chip inline-flex items-center gap-1 rounded-full py-0.5 pl-2 align-baseline font-mono text-xs ring-1 ring-inset",
        children ? "pr-1" : "pr-2",
        isRetracted
          ? "bg-red-50 text-red-800 ring-red-200"
          : isUnknown
            ? "bg-amber-50 text-amber-900 ring-amber-300 ring-dashed"
            : "bg-slate-100 text-slate-700 ring-slate-200",
      )}
      data-observation-id={observationId}
      data-retracted={isRetracted ? "true" : undefined}
    >
      <button
        ref={anchor}
        type="button"
        aria-describedby={isOpen ? cardId : undefined}
        onMouseEnter={() => hover(true)}
        onMouseLeave={() => hover(false)}
        onFocus={() => {
          setDismissed(false);
          setFocused(true);
        }}
        onBlur={() => setFocused(false)}
        onClick={() => setDismissed(false)}
        className={clsx("rounded-full", FOCUS_RING)}
      >
        <span className={clsx(isRetracted && "line-through")}>{label}</span>
        {isRetracted ? <span className="ml-1 font-sans font-semibold">retracted</span> : null}
        {isUnknown ? <span className="sr-only"> (not in this workspace's library)</span> : null}
      </button>
      {children}
      {isOpen && anchor.current
        ? createPortal(
            <div
              id={cardId}
              role="tooltip"
              onMouseEnter={() => hover(true)}
              onMouseLeave={() => hover(false)}
              style={{ position: "fixed", ...placeCard(anchor.current) }}
              className="z-50 w-[22rem] max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-3 text-left font-sans text-sm leading-snug shadow-lg"
            >
              <ObservationCard
                observationId={observationId}
                observation={observation}
                isLoading={evidence.status === "loading"}
              />
            </div>,
            document.body,
          )
        : null}
    </span>
  );
}
