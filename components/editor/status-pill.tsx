import clsx from "clsx";
import { useId } from "react";
import { FOCUS_RING } from "@/components/ui/button";
import type { CollabDocumentState, CollabStatus } from "@/lib/collab/document-state";

const LABELS: Record<CollabStatus, string> = {
  connecting: "Connecting…",
  offline: "Offline",
  live: "Live",
  saving: "Saving…",
  saved: "Saved",
  not_saved: "Not saved",
  closed: "Closed",
};

const TONES: Record<CollabStatus, string> = {
  connecting: "bg-slate-100 text-slate-700 ring-slate-200",
  offline: "bg-amber-50 text-amber-800 ring-amber-200",
  live: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  saving: "bg-sky-50 text-sky-800 ring-sky-200",
  saved: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  not_saved: "bg-red-50 text-red-700 ring-red-200",
  closed: "bg-slate-100 text-slate-700 ring-slate-200",
};

const CONNECTING = "Connecting to the live document. Changes you make meanwhile are sent once connected.";

/**
 * What the status means, for the tooltip and screen readers. "Live" and "Saved" are both good:
 * Live until this user changes something in this visit, Saved once every change is stored.
 */
function describeStatus(state: CollabDocumentState): string {
  switch (state.status) {
    case "connecting":
      return CONNECTING;
    case "offline":
      return state.hasUnsavedChanges
        ? "Offline. Your changes are kept on this device and will be sent when the connection is back."
        : "Offline. Reconnecting… Changes you make are kept on this device until then.";
    case "live":
      return "Live: connected and up to date. Changes by others appear as they type; you have not changed anything since opening.";
    case "saving":
      return "Saving: your latest changes are on their way to the server.";
    case "saved":
      return "Saved: every change you made is stored on the server. Changes by others appear as they type.";
    case "not_saved":
      return state.error
        ? `Not saved: ${state.error.message} Your changes stay in this browser; do not close it.`
        : "Not saved: the server could not store your latest changes yet and keeps retrying. Your changes stay in this browser; do not close it.";
    case "closed":
      return "Closed: this document no longer updates here.";
  }
}

/**
 * Connection and save state of the document: Connecting, Live, Offline, Saving…, Saved, Not saved.
 * What each means is its description (`aria-describedby`), shown as a tooltip on hover and on
 * keyboard focus, so the pill is in the Tab order.
 */
export function StatusPill({ state }: { state: CollabDocumentState | null }) {
  const status = state?.status ?? "connecting";
  const description = state ? describeStatus(state) : CONNECTING;
  const descriptionId = useId();
  return (
    <span className="group relative inline-flex">
      <span
        role="status"
        aria-label={`Document status: ${LABELS[status]}`}
        aria-describedby={descriptionId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users reach the explanation this way.
        tabIndex={0}
        data-status={status}
        className={clsx(
          "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
          FOCUS_RING,
          TONES[status],
        )}
      >
        <span
          aria-hidden="true"
          className={clsx(
            "size-1.5 rounded-full bg-current",
            (status === "saving" || status === "connecting") && "animate-pulse",
          )}
        />
        {LABELS[status]}
      </span>
      <span
        id={descriptionId}
        role="tooltip"
        className="invisible absolute top-full right-0 z-40 mt-1.5 w-64 rounded-md bg-slate-900 px-2.5 py-1.5 text-xs leading-snug text-white shadow-lg group-focus-within:visible group-hover:visible"
      >
        {description}
      </span>
    </span>
  );
}
