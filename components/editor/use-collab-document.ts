"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { CollabDocumentState } from "@/lib/collab/document-state";
import { acquireTabProvider, releaseTabProvider } from "@/lib/collab/tab-provider";

/**
 * Opens a document on the tab's shared collaboration connection while the calling component is
 * mounted. Null until the effect has run (never during server rendering). `presence: false`
 * follows it without appearing among its people.
 */
export function useCollabDocument(
  documentId: string,
  userId: string,
  { presence = true }: { presence?: boolean } = {},
): CollabDocument | null {
  const [document, setDocument] = useState<CollabDocument | null>(null);
  useEffect(() => {
    const provider = acquireTabProvider(userId);
    const opened = provider.open(documentId, { presence });
    setDocument(opened);
    return () => {
      setDocument(null);
      provider.close(opened);
      releaseTabProvider(provider);
    };
  }, [documentId, userId, presence]);
  return document;
}

const noop = () => () => {};

/** The live state of an open document (status, role, presence); re-renders when it changes. */
export function useCollabState(document: CollabDocument | null): CollabDocumentState | null {
  return useSyncExternalStore(
    document ? document.subscribe : noop,
    () => document?.getSnapshot() ?? null,
    () => null,
  );
}
