import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import {
  type AnchorBinding,
  type AnchorRange,
  anchorBindingOf,
  decodeAnchor,
  findJudgementRange,
  resolveAnchorRange,
} from "./comment-anchors";

/** A thread as the highlights need it (a subset of the API's thread). */
export interface HighlightedThread {
  id: string;
  /** Base64 relative positions; null for a thread only on a judgement. */
  anchorStart: string | null;
  anchorEnd: string | null;
  judgementId: string | null;
  /** A thread being written, not yet stored: highlighted more lightly and not clickable. */
  isDraft?: boolean;
}

/** A thread with its anchors decoded once, when the threads are set. */
export interface DecodedThread {
  id: string;
  start: Y.RelativePosition | null;
  end: Y.RelativePosition | null;
  judgementId: string | null;
  isDraft: boolean;
}

/** Where each thread is in the document now: its range, or null when detached. */
export type ThreadPlacements = ReadonlyMap<string, AnchorRange | null>;

export interface CommentHighlightsState {
  threads: readonly DecodedThread[];
  placements: ThreadPlacements;
  activeId: string | null;
  decorations: DecorationSet;
}

type HighlightsMeta = { threads: readonly HighlightedThread[] } | { activeId: string | null };

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    commentHighlights: {
      /** The open threads to highlight (resolved ones are left out by the caller). */
      setCommentThreads: (threads: readonly HighlightedThread[]) => ReturnType;
      /** Marks one thread as the one being read (a stronger highlight); null for none. */
      setActiveCommentThread: (threadId: string | null) => ReturnType;
    };
  }
}

/** The plugin holding where every open thread is, for the decorations and the comments panel. */
export const commentHighlightsKey = new PluginKey<CommentHighlightsState>("commentHighlights");

/** Where each thread is now, from its relative positions (or its judgement block's id). */
export function placeThreads(
  binding: AnchorBinding | null,
  doc: ProseMirrorNode,
  threads: readonly DecodedThread[],
): Map<string, AnchorRange | null> {
  const placements = new Map<string, AnchorRange | null>();
  for (const thread of threads) {
    if (thread.start && thread.end) {
      placements.set(thread.id, binding ? resolveAnchorRange(binding, thread.start, thread.end) : null);
    } else {
      placements.set(thread.id, thread.judgementId ? findJudgementRange(doc, thread.judgementId) : null);
    }
  }
  return placements;
}

/** Local edits: the ranges move with the transaction's mapping, keeping to their words as Yjs does. */
function mapPlacements(placements: ThreadPlacements, tr: Transaction): Map<string, AnchorRange | null> {
  const mapped = new Map<string, AnchorRange | null>();
  for (const [id, range] of placements) {
    const from = range ? tr.mapping.map(range.from, 1) : 0;
    const to = range ? tr.mapping.map(range.to, -1) : 0;
    mapped.set(id, range && from < to ? { from, to } : null);
  }
  return mapped;
}

/** The old map when nothing moved, so subscribers that compare by identity do not re-render. */
function keepIfSame(previous: ThreadPlacements, next: Map<string, AnchorRange | null>): ThreadPlacements {
  if (previous.size !== next.size) return next;
  for (const [id, range] of next) {
    const old = previous.get(id);
    if (old === undefined || (old === null) !== (range === null)) return next;
    if (old && range && (old.from !== range.from || old.to !== range.to)) return next;
  }
  return previous;
}

function decorationsOf(
  doc: ProseMirrorNode,
  threads: readonly DecodedThread[],
  placements: ThreadPlacements,
  activeId: string | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = placements.get(thread.id);
    // Judgement-only threads have no words to mark: the panel lists them with their judgement.
    if (!range || !thread.start) continue;
    const classes = ["comment-highlight", thread.isDraft && "is-draft", thread.id === activeId && "is-active"];
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: classes.filter(Boolean).join(" "), "data-comment-thread": thread.id },
        { threadId: thread.id },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** Decodes a thread's anchors; an anchor that does not decode leaves the thread unplaced (detached). */
export function decodeThread(thread: HighlightedThread): DecodedThread {
  const start = thread.anchorStart ? decodeAnchor(thread.anchorStart) : null;
  const end = thread.anchorEnd ? decodeAnchor(thread.anchorEnd) : null;
  return { id: thread.id, start, end, judgementId: thread.judgementId, isDraft: thread.isDraft === true };
}

function nextState(tr: Transaction, value: CommentHighlightsState, state: EditorState): CommentHighlightsState {
  const meta = tr.getMeta(commentHighlightsKey) as HighlightsMeta | undefined;
  const threads = meta && "threads" in meta ? meta.threads.map(decodeThread) : value.threads;
  const activeId = meta && "activeId" in meta ? meta.activeId : value.activeId;
  // A remote change replaces the whole document (y-prosemirror re-renders it), so mapping would
  // collapse every range: place them again from the relative positions, with the binding's
  // mapping that was just rebuilt for the new document.
  const isRemote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
  let placements = value.placements;
  if (isRemote || (meta && "threads" in meta)) {
    placements = keepIfSame(value.placements, placeThreads(anchorBindingOf(state), state.doc, threads));
  } else if (tr.docChanged) {
    placements = keepIfSame(value.placements, mapPlacements(value.placements, tr));
  }
  if (!meta && !tr.docChanged && placements === value.placements) return value;
  return { threads, placements, activeId, decorations: decorationsOf(state.doc, threads, placements, activeId) };
}

/** The innermost stored thread whose highlight covers `pos`. */
function threadAt(value: CommentHighlightsState, pos: number): string | null {
  let best: { id: string; size: number } | null = null;
  for (const thread of value.threads) {
    const range = value.placements.get(thread.id);
    if (!range || !thread.start || thread.isDraft || pos < range.from || pos > range.to) continue;
    const size = range.to - range.from;
    if (!best || size < best.size) best = { id: thread.id, size };
  }
  return best?.id ?? null;
}

/**
 * Highlights the text each open comment thread is anchored to. Anchors are Yjs relative
 * positions, so a highlight follows everyone's edits: local edits move it with the transaction's
 * mapping, remote ones place it again from the anchors. A thread whose text was deleted has no
 * placement (detached). Clicking a highlight makes its thread the active one. Read-only editors
 * run it too; it only decorates.
 */
export const CommentHighlights = Extension.create({
  name: "commentHighlights",

  addCommands() {
    return {
      setCommentThreads:
        (threads) =>
        ({ tr, dispatch }) => {
          if (dispatch)
            tr.setMeta(commentHighlightsKey, { threads } satisfies HighlightsMeta).setMeta("addToHistory", false);
          return true;
        },
      setActiveCommentThread:
        (activeId) =>
        ({ tr, dispatch }) => {
          if (dispatch)
            tr.setMeta(commentHighlightsKey, { activeId } satisfies HighlightsMeta).setMeta("addToHistory", false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<CommentHighlightsState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], placements: new Map(), activeId: null, decorations: DecorationSet.empty }),
          apply: (tr, value, _old, state) => nextState(tr, value, state),
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const value = commentHighlightsKey.getState(view.state);
            const threadId = value ? threadAt(value, pos) : null;
            if (threadId) {
              view.dispatch(
                view.state.tr
                  .setMeta(commentHighlightsKey, { activeId: threadId } satisfies HighlightsMeta)
                  .setMeta("addToHistory", false),
              );
            }
            // Never swallow the click: the caret (or a read-only selection) goes where it would.
            return false;
          },
        },
      }),
    ];
  },
});
