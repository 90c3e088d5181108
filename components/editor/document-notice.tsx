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
      return state.status === "not_saved"
        ? "Your role is read-only in this document: your latest change was not applied and is not saved."
        : null;
    case "unauthorized":
      return "Your session has ended. Sign in again to keep editing; your changes are kept on this device meanwhile.";
    case "message_too_large":
      return "That change is too large to save in one piece. Undo it and add the content in smaller parts.";
    case "too_many_documents":
      return "Too many documents are open in this browser. Close some tabs to continue editing here.";
    default:
      return null;
  }
}

/** An alert above the text when the document closed or an edit was refused for good. */
export function DocumentNotice({ state }: { state: CollabDocumentState | null }) {
  const text = state ? message(state) : null;
  if (!text) return null;
  return (
    <p role="alert" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      {text}
    </p>
  );
}
