"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useSyncExternalStore } from "react";
import {
  type CommentHighlightsState,
  commentHighlightsKey,
  type ThreadPlacements,
} from "@/lib/editor/comment-highlights";

const NO_PLACEMENTS: ThreadPlacements = new Map();

/** Re-renders on every editor transaction whose `read` result changed (compared by identity). */
function useEditorValue<T>(editor: Editor, read: (editor: Editor) => T, fallback: T): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      editor.on("transaction", onChange);
      return () => {
        editor.off("transaction", onChange);
      };
    },
    [editor],
  );
  return useSyncExternalStore(
    subscribe,
    () => (editor.isDestroyed ? fallback : read(editor)),
    () => fallback,
  );
}

function highlightsOf(editor: Editor): CommentHighlightsState | undefined {
  return commentHighlightsKey.getState(editor.state);
}

/** Where each open thread is in the text now (null: detached), as the highlight plugin placed them. */
export function useThreadPlacements(editor: Editor): ThreadPlacements {
  return useEditorValue(editor, (current) => highlightsOf(current)?.placements ?? NO_PLACEMENTS, NO_PLACEMENTS);
}

/** The thread being read: set by clicking its highlight or its card. */
export function useActiveThreadId(editor: Editor): string | null {
  return useEditorValue(editor, (current) => highlightsOf(current)?.activeId ?? null, null);
}

/** The editor's selection as `from`/`to`; read-only editors track a reader's selection too. */
export function useEditorSelection(editor: Editor): { from: number; to: number } {
  const key = useEditorValue(
    editor,
    (current) => `${current.state.selection.from}:${current.state.selection.to}`,
    "0:0",
  );
  const [from = 0, to = 0] = key.split(":").map(Number);
  return { from, to };
}
