"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCollabDocument } from "@/components/editor/use-collab-document";
import { useDocumentChanges } from "@/components/editor/use-document-changes";
import { usePageRefresh } from "@/components/editor/use-page-refresh";
import type { DocumentChangeKind } from "@/lib/collab/protocol";

export interface LiveAssessmentRefreshProps {
  /** The assessment the page shows. */
  assessmentId: string;
  /** The signed-in user: the tab's collaboration connection is theirs. */
  userId: string;
  /** The changes the server announces (`doc:changed`) that make the page's server parts stale. */
  kinds: readonly DocumentChangeKind[];
  /** What screen readers hear once a change arrived, e.g. "Version history updated". */
  announcement: string;
}

/**
 * Re-renders the server parts of an assessment's page (History, the audit trail) whenever the
 * server announces a change of one of `kinds`, over the tab's collaboration connection, without
 * appearing among the people in the text. A refresh keeps client state, so what the reader has
 * typed into the page's forms stays. Renders only a visually hidden status line.
 */
export function LiveAssessmentRefresh({ assessmentId, userId, kinds, announcement }: LiveAssessmentRefreshProps) {
  const router = useRouter();
  const document = useCollabDocument(assessmentId, userId, { presence: false });
  const [announced, setAnnounced] = useState("");
  // Offline, Next.js would turn the refresh into a full page load that fails (and loses the forms).
  const pageRefresh = usePageRefresh(() => {
    if (navigator.onLine) router.refresh();
  });
  useDocumentChanges(document, kinds, (change) => {
    // A catch-up after a join only says something may have changed while the page loaded.
    if (change.catchUp) return pageRefresh.later();
    pageRefresh.soon();
    setAnnounced(`${announcement} at ${new Date().toLocaleTimeString()}.`);
  });
  return (
    <p className="sr-only" aria-live="polite">
      {announced}
    </p>
  );
}
