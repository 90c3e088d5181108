"use client";

import type { Editor } from "@tiptap/core";
import type { Selection, Transaction } from "@tiptap/pm/state";
import { ReplaceStep } from "@tiptap/pm/transform";
import { useEffect, useRef } from "react";
import type { CollabDocument } from "@/lib/collab/collab-document";
import { anchorBindingOf, encodeAnchorRange } from "@/lib/editor/comment-anchors";
import { type CarriedText, carriedBySelection, placeCarriedThreads } from "@/lib/editor/moved-comments";
import type { CommentThreadDto } from "@/lib/schemas/comments";
import { commentRequests } from "./comment-requests";
import type { CommentThreads } from "./use-comment-threads";

/** Whether `tr` starts by deleting `selection` (a drop that moves the dragged text). */
function deletesSelection(tr: Transaction, selection: Selection): boolean {
  const [first] = tr.steps;
  return (
    first instanceof ReplaceStep &&
    first.slice.size === 0 &&
    first.from === selection.from &&
    first.to === selection.to &&
    !selection.empty
  );
}

export interface UseMovedAnchorsOptions {
  editor: Editor;
  document: CollabDocument;
  assessmentId: string;
  threads: readonly CommentThreadDto[];
  /** Owners and analysts: only they may move an anchor (the server decides). */
  canWrite: boolean;
  putThread: CommentThreads["putThread"];
  reload: CommentThreads["reload"];
}

/**
 * Moves threads with their text when a writer on this page cuts it and pastes it elsewhere, or
 * drags it: the cut (or the drag's start) notes the threads wholly inside the text, the paste (or
 * the drop) finds their words in what it inserted, and once that is saved the page stores anchors
 * there (`PUT …/anchor`, the repair an undo uses; the server checks that the old text is gone and
 * the new one is there). Only the last cut is remembered, until it is pasted once.
 */
export function useMovedAnchors(options: UseMovedAnchorsOptions): void {
  const { editor, document, assessmentId, canWrite, putThread, reload } = options;
  const threads = useRef(options.threads);
  threads.current = options.threads;

  useEffect(() => {
    if (!canWrite) return;
    let carried: CarriedText | null = null;

    const move = async (placed: Map<string, { from: number; to: number }>) => {
      const binding = anchorBindingOf(editor.state);
      if (!binding || placed.size === 0) return;
      const moves = [...placed].flatMap(([threadId, range]) => {
        const thread = threads.current.find((candidate) => candidate.id === threadId);
        if (!thread?.anchorStart || !thread.anchorEnd) return [];
        const input = {
          ...encodeAnchorRange(binding, range),
          previousAnchorStart: thread.anchorStart,
          previousAnchorEnd: thread.anchorEnd,
        };
        return [{ threadId, input }];
      });
      // The server checks the new text in its stored copy: the paste must be saved first.
      await document.whenSaved();
      for (const { threadId, input } of moves) {
        const result = await commentRequests.reanchor(assessmentId, threadId, input);
        if (result.ok) putThread(result.data);
      }
      reload();
    };

    const before = ({ transaction }: { transaction: Transaction }) => {
      const event = transaction.getMeta("uiEvent");
      // A drop moves text when its transaction deletes the selection it was dragged from.
      if (event === "cut" || (event === "drop" && deletesSelection(transaction, editor.state.selection))) {
        carried = carriedBySelection(editor.state);
      }
    };
    const after = ({ transaction }: { transaction: Transaction }) => {
      const event = transaction.getMeta("uiEvent");
      if (!carried || (event !== "paste" && event !== "drop")) return;
      const placed = placeCarriedThreads(transaction, carried);
      if (placed.size === 0) return;
      carried = null;
      void move(placed);
    };
    editor.on("beforeTransaction", before);
    editor.on("transaction", after);
    return () => {
      editor.off("beforeTransaction", before);
      editor.off("transaction", after);
    };
  }, [editor, document, assessmentId, canWrite, putThread, reload]);
}
