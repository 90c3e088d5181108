"use client";

import { useEffect, useRef } from "react";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { DocumentChange, DocumentChangeKind } from "@/lib/collab/protocol";

/**
 * Calls `onChange` whenever the server announces a change of one of `kinds` for the open
 * assessment (a verdict, a comment, a judgement rewritten by the projection, a status change),
 * and once per kind (`catchUp: true`) after every confirmed join, the first included, since
 * changes made before it were not announced. The callback may change between renders.
 */
export function useDocumentChanges(
  document: CollabDocument | null,
  kinds: readonly DocumentChangeKind[],
  onChange: (change: DocumentChange) => void,
): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  const key = kinds.join(",");
  useEffect(() => {
    if (!document) return;
    const wanted = new Set(key.split(","));
    return document.onChange((change) => {
      if (wanted.has(change.kind)) callback.current(change);
    });
  }, [document, key]);
}
