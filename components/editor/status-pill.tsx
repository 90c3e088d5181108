import clsx from "clsx";
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

/** A longer explanation of the status, for the tooltip and screen readers. */
function describeStatus(state: CollabDocumentState): string {
  switch (state.status) {
    case "connecting":
      return "Connecting to the live document.";
    case "offline":
      return state.hasUnsavedChanges
        ? "Offline. Your changes are kept on this device and will be sent when the connection is back."
        : "Offline. Reconnecting…";
    case "live":
      return "Connected. Changes by others appear as they type.";
    case "saving":
      return "Saving your changes…";
    case "saved":
      return "All your changes are saved.";
    case "not_saved":
      return state.error ? `Not saved: ${state.error.message}` : "Not saved yet. Retrying…";
    case "closed":
      return "This document is closed.";
  }
}

/** Connection and save state of the document: Connecting, Live, Offline, Saving…, Saved, Not saved. */
export function StatusPill({ state }: { state: CollabDocumentState | null }) {
  const status = state?.status ?? "connecting";
  const description = state ? describeStatus(state) : "Connecting to the live document.";
  return (
    <span
      role="status"
      aria-label={`Document status: ${LABELS[status]}`}
      title={description}
      data-status={status}
      className={clsx(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
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
  );
}
