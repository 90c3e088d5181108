import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

/**
 * Brings ProseMirror's selection up to date with the browser's caret before a key binding reads
 * it. ProseMirror learns of a caret moved by a click (or by End and the arrow keys, which it
 * leaves to the browser) only from the document's `selectionchange` event, a task the browser
 * queues and, on a busy machine, runs after the next key press: a key binding run in between
 * reads where the caret was before the click. Tab pressed right after clicking a judgement's
 * statement went to the judgement the caret had been in before (3 Tabs in 30 on two loaded
 * cores). Only a text selection inside text is taken over; anything else is left to ProseMirror.
 */
export function syncSelectionWithDOM(view: EditorView): void {
  const { state } = view;
  if (!(state.selection instanceof TextSelection) || !view.hasFocus()) return;
  const caret = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = caret ?? {};
  if (!caret || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(anchorNode, caret.anchorOffset);
    head = view.posAtDOM(focusNode, caret.focusOffset);
  } catch {
    // A DOM position ProseMirror does not map (inside a widget being redrawn): keep its selection.
    return;
  }
  if (anchor === state.selection.anchor && head === state.selection.head) return;
  const $anchor = state.doc.resolve(anchor);
  const $head = state.doc.resolve(head);
  if (!$anchor.parent.inlineContent || !$head.parent.inlineContent) return;
  view.dispatch(state.tr.setSelection(TextSelection.between($anchor, $head)));
}
