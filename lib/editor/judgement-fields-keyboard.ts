import { Extension } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { syncSelectionWithDOM } from "./dom-caret";
import { JUDGEMENT_NODE } from "./judgement-node";

/** Marks the element of a judgement's node view that holds its fields (likelihood, confidence…). */
export const JUDGEMENT_FIELDS_ATTRIBUTE = "data-judgement-fields";

const FOCUSABLE = "select, button, input, textarea, a[href], [tabindex]:not([tabindex='-1'])";

/** The first control of a judgement's fields a keyboard user can reach, if any. */
export function firstJudgementField(fields: Element): HTMLElement | null {
  for (const element of fields.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (!element.matches(":disabled")) return element;
  }
  return null;
}

/** Puts the caret at the end of the statement of the judgement at `position` and focuses the text. */
export function focusJudgementStatement(view: EditorView, position: number): boolean {
  const node = view.state.doc.nodeAt(position);
  if (node?.type.name !== JUDGEMENT_NODE) return false;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, position + node.nodeSize - 1)));
  view.focus();
  return true;
}

/**
 * Tab in a judgement's statement moves focus to that judgement's own fields (its Likelihood
 * first). The fields are part of the text's DOM, in document order, so the browser's own Tab
 * walks through every earlier judgement's controls first: a keyboard user who then pressed an
 * arrow key changed the likelihood of the wrong judgement. Shift+Tab from the first field and
 * Escape from any field come back to the statement (the node view handles those, where the
 * fields' events arrive). Elsewhere Tab keeps its meaning (lists indent, paragraphs leave the text).
 */
export const JudgementFieldsKeyboard = Extension.create({
  name: "judgementFieldsKeyboard",
  // Before the list item's Tab (sink), for a judgement inside a list item.
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      Tab: () => {
        const { view } = this.editor;
        // The judgement is the one the caret is in now, even if the browser has not yet told
        // ProseMirror about the click that put it there; the list's Tab after this one too.
        syncSelectionWithDOM(view);
        const { $head } = view.state.selection;
        if ($head.parent.type.name !== JUDGEMENT_NODE) return false;
        const block = view.nodeDOM($head.before());
        const fields = block instanceof HTMLElement ? block.querySelector(`[${JUDGEMENT_FIELDS_ATTRIBUTE}]`) : null;
        const first = fields ? firstJudgementField(fields) : null;
        if (!first) return false;
        first.focus();
        return true;
      },
    };
  },
});
