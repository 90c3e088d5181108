import type { CollabDocumentState, DocumentClosedReason } from "@/lib/collab/document-state";

const CLOSED: Record<DocumentClosedReason, string> = {
  access_revoked: "Your access to this document was removed. The text shown is as it was; it no longer updates.",
  document_deleted: "This document was deleted.",
  not_found: "This document could not be found, or you may no longer open it.",
  server_shutdown: "The server is restarting; reconnecting…",
};

/** What the status pill alone cannot say: why the document closed, or a change that was refused. */
function message(state: CollabDocumentState): string | null {
  if (state.closedReason) return CLOSED[state.closedReason];
  switch (state.error?.code) {
    case "forbidden":
      // Also sent for presence a server refuses; only a refused edit leaves the text unsaved.
      // Refused edits of one's own have a notice of their own (RefusedChangesNotice).
      return state.status === "not_saved" && !state.refused
        ? "Your role is read-only in this document: your latest change was not applied and is not saved."
        : null;
    case "unauthorized":
      return "Your session has ended. Sign in again to keep editing; your changes are kept on this device meanwhile.";
    case "message_too_large":
      return "That change is too large to save in one piece, and nothing since is saved. Undo it (Ctrl+Z) and add the content in smaller parts; saving resumes once it is undone.";
    case "too_many_documents":
      return "Too many documents are open in this browser. Close some tabs to continue editing here.";
    default:
      return null;
  }
}

/** "1.3 MB", "600 KB". */
export function formatBytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${megabytes.toFixed(1).replace(/\.0$/, "")} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Why a paste was not let in. */
export function refusedPasteMessage(bytes: number, maxBytes: number): string {
  return `Nothing was pasted: that is ${formatBytes(bytes)} of text, and one change can add at most ${formatBytes(maxBytes)}. Paste it in smaller parts.`;
}

/**
 * An alert above the text when the document closed or an edit was refused, or about `local` (a
 * refusal of the editor's own, e.g. a paste too large). It sticks below the top bar, so a user far
 * down a long text (where a paste leaves them) sees it.
 */
export function DocumentNotice({
  state,
  local = null,
  onDismissLocal,
}: {
  state: CollabDocumentState | null;
  local?: string | null;
  onDismissLocal?: () => void;
}) {
  const text = state ? message(state) : null;
  if (!text && !local) return null;
  return (
    <div
      role="alert"
      className="sticky top-[calc(3.5rem+1px)] z-20 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      {text ? <p>{text}</p> : null}
      {local ? (
        <p className="flex flex-wrap items-baseline gap-x-3">
          <span>{local}</span>
          {onDismissLocal ? (
            <button type="button" className="underline hover:no-underline" onClick={onDismissLocal}>
              Dismiss
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
