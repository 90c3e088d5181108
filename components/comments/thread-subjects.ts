import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import { anchorBindingOf, encodeAnchorRange, judgementAt } from "@/lib/editor/comment-anchors";
import type { ThreadPlacements } from "@/lib/editor/comment-highlights";
import type { CommentThreadDto } from "@/lib/schemas/comments";
import { MAX_QUOTE_LENGTH } from "@/lib/schemas/comments";
import type { ThreadSubject } from "./new-thread-form";

/** Plain text of a range: blocks on their own lines, inline atoms (citations) as a space. */
function textOf(doc: ProseMirrorNode, from: number, to: number): string {
  const text = doc.textBetween(from, to, "\n", " ").trim();
  return text.length > MAX_QUOTE_LENGTH ? `${text.slice(0, MAX_QUOTE_LENGTH - 1)}…` : text;
}

/**
 * A new thread on the selected text: its anchors (computed now, so the thread follows edits
 * made while the comment is written), its quote, and its judgement when the selection lies
 * within one judgement's statement. Null when nothing is selected.
 */
export function subjectOfSelection(state: EditorState): ThreadSubject | null {
  const { from, to, empty } = state.selection;
  const binding = anchorBindingOf(state);
  const quote = empty ? "" : textOf(state.doc, from, to);
  if (empty || !binding || quote === "") return null;
  const judgement = judgementAt(state.doc, from);
  const sameJudgement = judgement !== null && judgementAt(state.doc, to)?.id === judgement.id;
  return {
    ...encodeAnchorRange(binding, { from, to }),
    quote,
    judgementId: sameJudgement ? judgement.id : null,
    label: "Comment on the selected text",
  };
}

/** A new thread on the judgement around `pos`, quoting its statement; null outside judgements. */
export function subjectAtJudgement(doc: ProseMirrorNode, pos: number): ThreadSubject | null {
  if (pos > doc.content.size) return null;
  const judgement = judgementAt(doc, pos);
  if (!judgement) return null;
  const statement = textOf(doc, judgement.range.from, judgement.range.to);
  return { quote: statement, judgementId: judgement.id, label: "Comment on the judgement" };
}

/** Threads in the order of the text; those that cannot be placed (detached) last, oldest first. */
export function orderThreads(threads: readonly CommentThreadDto[], placements: ThreadPlacements): CommentThreadDto[] {
  const position = (thread: CommentThreadDto) => placements.get(thread.id)?.from ?? Number.POSITIVE_INFINITY;
  return [...threads].sort(
    (a, b) => position(a) - position(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}
