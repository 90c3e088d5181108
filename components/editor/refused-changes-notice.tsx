"use client";

import { useState } from "react";
import type { RefusedChanges } from "@/lib/collab/document-state";

export interface RefusedChangesNoticeProps {
  refused: RefusedChanges;
  /** Why the page shows the text read-only, when the page knows (e.g. "this assessment is published; …"). */
  readOnlyReason?: string;
  /** The text of this copy, refused changes included, as the user sees it. */
  getText: () => string;
  /** Throws the refused changes away and shows the server's text. */
  onDiscard: () => void;
}

function explain(refused: RefusedChanges, readOnlyReason: string | undefined): string {
  const what =
    refused.edits > 0
      ? `${refused.edits} ${refused.edits === 1 ? "change" : "changes"} you made on this device ${refused.edits === 1 ? "was" : "were"} not saved`
      : "Changes you made on this device were not saved";
  const why =
    refused.reason === "role"
      ? `your role is now ${refused.role}`
      : (readOnlyReason ?? "this assessment was published or archived meanwhile");
  return `${what}: ${why}. They are not in the shared document, and nobody else sees them.`;
}

/**
 * Tells the user that edits of theirs were refused for good (role lowered or assessment locked
 * while they were offline), and offers to copy their version of the text and then to discard it.
 * Sticks below the top bar so it is seen wherever the user is in the text.
 */
export function RefusedChangesNotice({ refused, readOnlyReason, getText, onDiscard }: RefusedChangesNoticeProps) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const handleCopy = () => {
    navigator.clipboard.writeText(getText()).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  };
  return (
    <div
      role="alert"
      className="sticky top-[calc(3.5rem+1px)] z-20 space-y-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      <p>{explain(refused, readOnlyReason)}</p>
      <p className="flex flex-wrap items-center gap-2">
        <button type="button" className="rounded border border-amber-300 bg-white px-2 py-1" onClick={handleCopy}>
          Copy my version of the text
        </button>
        <button type="button" className="rounded border border-amber-300 bg-white px-2 py-1" onClick={onDiscard}>
          Discard my changes
        </button>
        <span aria-live="polite">
          {copied === "yes" ? "Copied." : copied === "failed" ? "Copying failed: select the text and copy it." : ""}
        </span>
      </p>
    </div>
  );
}
