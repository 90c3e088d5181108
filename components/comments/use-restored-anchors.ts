"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useRef } from "react";
import type { CollabDocument } from "@/lib/collab/collab-document";
import { anchorBindingOf, decodeAnchor, encodeAnchor } from "@/lib/editor/comment-anchors";
import type { ThreadPlacements } from "@/lib/editor/comment-highlights";
import { restoredRange } from "@/lib/editor/restored-anchors";
import type { CommentThreadDto, ReanchorCommentThreadInput } from "@/lib/schemas/comments";
import { commentRequests } from "./comment-requests";
import type { CommentThreads } from "./use-comment-threads";

export interface UseRestoredAnchorsOptions {
  editor: Editor;
  document: CollabDocument;
  assessmentId: string;
  /** The threads as loaded; only text-anchored ones can need a repair. */
  threads: readonly CommentThreadDto[];
  /** Where the threads are now: a change (an undo re-rendered the text) is the signal to look. */
  placements: ThreadPlacements;
  /** Owners and analysts: only they may move an anchor (the server decides). */
  canWrite: boolean;
  putThread: CommentThreads["putThread"];
  reload: CommentThreads["reload"];
}

/** The repair of a thread whose anchored characters this page's undo or redo brought back, or null. */
function repairOf(editor: Editor, thread: CommentThreadDto): ReanchorCommentThreadInput | null {
  if (editor.isDestroyed || !thread.anchorStart || !thread.anchorEnd) return null;
  const binding = anchorBindingOf(editor.state);
  const start = decodeAnchor(thread.anchorStart);
  const end = decodeAnchor(thread.anchorEnd);
  if (!binding || !start || !end) return null;
  const restored = restoredRange(binding.doc, binding.type, { start, end });
  if (!restored) return null;
  return {
    anchorStart: encodeAnchor(restored.start),
    anchorEnd: encodeAnchor(restored.end),
    previousAnchorStart: thread.anchorStart,
    previousAnchorEnd: thread.anchorEnd,
  };
}

/**
 * Keeps a thread attached for everyone when this page undoes (or redoes) the deletion of its
 * text. Yjs brings the text back as new items and links the deleted ones to them only in this
 * page's copy: here the highlight comes back, but every other page, and this one after a reload,
 * would show the thread detached for good. So this page, the only one that can tell, stores
 * anchors on the restored text; the server announces it and the other pages reload the thread.
 * Each loaded anchor is repaired once: a refusal (someone else's repair came first) reloads.
 */
export function useRestoredAnchors(options: UseRestoredAnchorsOptions): void {
  const { editor, document, assessmentId, threads, placements, canWrite, putThread, reload } = options;
  const tried = useRef(new Set<string>());

  // biome-ignore lint/correctness/useExhaustiveDependencies: new placements are the signal to look again.
  useEffect(() => {
    if (!canWrite) return;
    for (const thread of threads) {
      const key = `${thread.id} ${thread.anchorStart} ${thread.anchorEnd}`;
      if (tried.current.has(key) || !repairOf(editor, thread)) continue;
      tried.current.add(key);
      void (async () => {
        // The server checks the restored text in its stored copy: the undo must be saved first.
        await document.whenSaved();
        const input = repairOf(editor, thread);
        if (!input) return;
        const result = await commentRequests.reanchor(assessmentId, thread.id, input);
        if (result.ok) putThread(result.data);
        reload();
      })();
    }
  }, [editor, document, assessmentId, threads, placements, canWrite, putThread, reload]);
}
