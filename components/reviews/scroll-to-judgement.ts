import type { Editor } from "@tiptap/core";
import { JUDGEMENT_NODE } from "@/lib/editor/judgement-node";

/** Position of the first judgement block with this id (the first wins, as in the projection). */
function findJudgement(editor: Editor, judgementId: string): number | null {
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === JUDGEMENT_NODE && node.attrs.id === judgementId) {
      found = pos;
      return false;
    }
    return true;
  });
  return found;
}

/**
 * Brings a judgement block into view and briefly outlines it; for writers the caret also goes
 * to the start of its statement. Readers get no caret (the text is not editable for them), so
 * focus stays in the panel where they were. Returns false when the block is not in the text.
 */
export function scrollToJudgement(editor: Editor, judgementId: string): boolean {
  if (editor.isDestroyed) return false;
  const pos = findJudgement(editor, judgementId);
  if (pos === null) return false;
  const element = editor.view.nodeDOM(pos);
  if (!(element instanceof HTMLElement)) return false;
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (editor.isEditable)
    editor
      .chain()
      .setTextSelection(pos + 1)
      .focus(undefined, { scrollIntoView: false })
      .run();
  element.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  if (!reduceMotion) {
    element.animate(
      [{ boxShadow: "0 0 0 3px rgb(56 189 248 / 0.8)" }, { boxShadow: "0 0 0 3px rgb(56 189 248 / 0)" }],
      { duration: 1500, easing: "ease-out" },
    );
  }
  return true;
}
