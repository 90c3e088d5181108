import { type CommandProps, Extension } from "@tiptap/core";
import { Fragment, type Node as ProseMirrorNode, Slice } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { createJudgementId, JUDGEMENT_NODE } from "./judgement-node";

/** The keyboard shortcut that inserts a judgement block (Ctrl/Cmd + Alt + J). */
export const INSERT_JUDGEMENT_SHORTCUT = "Mod-Alt-j";

/** Tiptap's shortcut that quotes the selected blocks (Ctrl/Cmd + Shift + B). */
const QUOTE_SHORTCUT = "Mod-Shift-b";

/**
 * Editing behaviour that keeps judgement ids unique: Enter never splits a judgement into two
 * blocks with the same id, and a pasted copy of a judgement gets a new id. The quote shortcut
 * leaves judgements out of quotes (see `touchesJudgement`). Kept out of the
 * `Judgement` node so that its high priority (run before the default Enter) does not move the
 * node ahead of `paragraph` in the schema, where it would become the default block.
 */
export const JudgementEditing = Extension.create({
  name: "judgementEditing",
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      [INSERT_JUDGEMENT_SHORTCUT]: () => this.editor.commands.insertJudgement(),
      // Handled (by doing nothing) where a quote would take in a judgement; see touchesJudgement.
      [QUOTE_SHORTCUT]: () => touchesJudgement(this.editor.state),
      Enter: () => this.editor.commands.command(splitJudgement),
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("judgementGuard"),
        // Remote changes (y-prosemirror renders them, and undo, as its own transactions) are
        // the other writers' and have passed their own editors' guard.
        filterTransaction: (tr, state) => !tr.docChanged || tr.getMeta(ySyncPluginKey) || !unmakesJudgement(state, tr),
      }),
      new Plugin({
        key: new PluginKey("judgementPaste"),
        props: {
          transformPasted: (slice, view) => {
            const taken = new Set<string>();
            view.state.doc.descendants((node) => {
              if (node.type.name === JUDGEMENT_NODE && typeof node.attrs.id === "string") taken.add(node.attrs.id);
              return node.isBlock;
            });
            return new Slice(withUniqueIds(slice.content, taken), slice.openStart, slice.openEnd);
          },
        },
      }),
    ];
  },
});

/**
 * Whether the selection is in or spans a judgement block. Quoting such a selection would nest the
 * judgement inside the quote, where it stops being one of the document's own blocks: the server
 * credits edits to the top-level judgement they touch (server/collab/judgement-credit.ts), so
 * someone who then edits the quoted judgement would not count as its editor and could approve it.
 */
export function touchesJudgement(state: EditorState): boolean {
  const { from, to } = state.selection;
  let isFound = false;
  state.doc.nodesBetween(from, to, (node) => {
    if (node.type.name === JUDGEMENT_NODE) isFound = true;
    return !isFound && !node.isTextblock;
  });
  return isFound;
}

/**
 * Whether `tr` would turn a judgement into another kind of block or nest it in one, while keeping
 * its statement: a heading or list command, an input rule ("## ", "- ", "> ") or a Backspace that
 * joins it into the block above. The judgement's id, likelihood, confidence and citations would
 * be gone without anyone deleting it, and a nested one is no longer one of the document's
 * judgements. Deleting a judgement (its statement goes with it) stays possible, and so do
 * changes of its fields (same block, same id) and anything done to a blank judgement.
 */
export function unmakesJudgement(state: EditorState, tr: Transaction): boolean {
  const kept = new Set<string>();
  tr.doc.forEach((node) => {
    if (node.type.name === JUDGEMENT_NODE && typeof node.attrs.id === "string") kept.add(node.attrs.id);
  });
  let isUnmade = false;
  state.doc.forEach((node, offset) => {
    if (isUnmade || node.type.name !== JUDGEMENT_NODE || typeof node.attrs.id !== "string") return;
    if (kept.has(node.attrs.id) || isBlank(node)) return;
    // Its statement is still there (not deleted): the block around it changed.
    const statement = tr.mapping.mapResult(offset + 1, 1);
    const statementEnd = tr.mapping.mapResult(offset + node.nodeSize - 1, -1);
    if (!statement.deleted && !statementEnd.deleted) isUnmade = true;
  });
  return isUnmade;
}

/** A judgement with nothing in it yet: no statement, likelihood, confidence, key flag or citation. */
function isBlank(node: ProseMirrorNode): boolean {
  const { likelihood, confidence, isKey, citations } = node.attrs;
  return (
    node.content.size === 0 && !likelihood && !confidence && !isKey && !(Array.isArray(citations) && citations.length)
  );
}

/**
 * Enter inside a judgement: the text after the caret continues in a new paragraph below, so one
 * judgement keeps one id (ProseMirror's split would copy the id onto a second judgement).
 */
export function splitJudgement({ state, tr, dispatch }: CommandProps): boolean {
  const { $from } = state.selection;
  const paragraph = state.schema.nodes.paragraph;
  if ($from.parent.type.name !== JUDGEMENT_NODE || !paragraph) return false;
  if (dispatch) {
    tr.deleteSelection();
    tr.split(tr.mapping.map($from.pos), 1, [{ type: paragraph }]).scrollIntoView();
  }
  return true;
}

/**
 * Gives a new id to every judgement in `fragment` whose id is already in `taken` (a copy of a
 * block still in the document) or missing. A cut-and-paste keeps its id: the original is gone.
 */
export function withUniqueIds(fragment: Fragment, taken: Set<string>): Fragment {
  const children: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    let copy = node.isLeaf ? node : node.copy(withUniqueIds(node.content, taken));
    if (node.type.name === JUDGEMENT_NODE) {
      const current = typeof node.attrs.id === "string" ? node.attrs.id : null;
      const id = current && !taken.has(current) ? current : createJudgementId();
      taken.add(id);
      if (id !== current) copy = copy.type.create({ ...copy.attrs, id }, copy.content, copy.marks);
    }
    children.push(copy);
  });
  return Fragment.from(children);
}
