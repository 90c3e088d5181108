import type { CommandProps } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { isJudgementCitations } from "./judgement-citations";
import { JUDGEMENT_NODE } from "./judgement-node";

// A judgement's chips are its last child, drawn below the statement and nothing in it. What
// ProseMirror would do at the statement's end (type after them, delete them forward, join the
// next block in behind them) must not touch them: a citation nobody saw would go.

/** The last position of a judgement's statement: before the chip lists it ends with. */
export function statementEndOf(judgement: ProseMirrorNode, judgementPos: number): number {
  let end = judgementPos + judgement.nodeSize - 1;
  for (let index = judgement.childCount - 1; index >= 0; index -= 1) {
    const child = judgement.child(index);
    if (!isJudgementCitations(child)) break;
    end -= child.nodeSize;
  }
  return end;
}

/** `pos`, or the nearest position outside a judgement's chips: the end of its statement. */
export function outsideChips(doc: ProseMirrorNode, pos: number): number {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const node = $pos.node(depth);
    if (isJudgementCitations(node)) return $pos.before(depth);
    if (node.type.name === JUDGEMENT_NODE) return Math.min(pos, statementEndOf(node, $pos.before(depth)));
  }
  return pos;
}

/**
 * Moves the caret (and each end of a selection) out of a judgement's chips. Also after remote
 * changes, which y-prosemirror applies as a whole-document replacement, placing the caret again
 * from relative positions.
 */
export function judgementChipsOutOfReach(): Plugin {
  return new Plugin({
    key: new PluginKey("judgementChipsOutOfReach"),
    appendTransaction: (_transactions, _oldState, state) => {
      const { selection } = state;
      if (!(selection instanceof TextSelection)) return null;
      const anchor = outsideChips(state.doc, selection.anchor);
      const head = outsideChips(state.doc, selection.head);
      if (anchor === selection.anchor && head === selection.head) return null;
      return state.tr.setSelection(TextSelection.create(state.doc, anchor, head));
    },
  });
}

/** Moves the inline content of the text block at `blockPos` to the end of the statement, before the chips. */
function joinIntoStatement(tr: Transaction, judgementPos: number, blockPos: number): void {
  const judgement = tr.doc.nodeAt(judgementPos);
  const block = tr.doc.nodeAt(blockPos);
  if (!judgement || !block) return;
  const end = statementEndOf(judgement, judgementPos);
  tr.delete(blockPos, blockPos + block.nodeSize);
  tr.insert(end, block.content);
  tr.setSelection(TextSelection.create(tr.doc, end)).scrollIntoView();
}

/**
 * Delete at the end of a statement followed by chips: the next text block joins the statement
 * (as ProseMirror's joinForward does for a block without chips); anything else stays.
 */
export function joinForwardIntoStatement({ state, tr, dispatch }: CommandProps): boolean {
  const { selection } = state;
  if (!(selection instanceof TextSelection) || !selection.empty) return false;
  const { $head } = selection;
  if ($head.parent.type.name !== JUDGEMENT_NODE) return false;
  const judgementPos = $head.before();
  const end = statementEndOf($head.parent, judgementPos);
  if ($head.pos !== end || end === $head.end()) return false;
  const next = $head.depth > 0 ? state.doc.resolve($head.after()).nodeAfter : null;
  if (next?.isTextblock && next.type.name !== JUDGEMENT_NODE && dispatch) {
    joinIntoStatement(tr, judgementPos, $head.after());
  }
  return true;
}

/**
 * Backspace at the start of a text block right after a judgement with chips: the block's text
 * joins the statement, before the chips (ProseMirror would put it after them).
 */
export function joinBackwardIntoStatement({ state, tr, dispatch }: CommandProps): boolean {
  const { selection } = state;
  if (!(selection instanceof TextSelection) || !selection.empty) return false;
  const { $head } = selection;
  if ($head.parentOffset !== 0 || !$head.parent.isTextblock || $head.parent.type.name === JUDGEMENT_NODE) return false;
  const blockPos = $head.before();
  const previous = state.doc.resolve(blockPos).nodeBefore;
  if (previous?.type.name !== JUDGEMENT_NODE || !previous.lastChild || !isJudgementCitations(previous.lastChild)) {
    return false;
  }
  if (dispatch) joinIntoStatement(tr, blockPos - previous.nodeSize, blockPos);
  return true;
}

/**
 * Ctrl+End when the document ends in a judgement with chips: browsers do not move the caret to
 * a line ending in an element that cannot be edited, so the statement's end is chosen here.
 */
export function moveToDocumentEnd({ state, tr, dispatch }: CommandProps): boolean {
  const last = state.doc.lastChild;
  if (last?.type.name !== JUDGEMENT_NODE || !last.lastChild || !isJudgementCitations(last.lastChild)) return false;
  const end = statementEndOf(last, state.doc.content.size - last.nodeSize);
  if (dispatch) tr.setSelection(TextSelection.create(tr.doc, end)).scrollIntoView();
  return true;
}
