import type { Extensions, NodeViewRenderer } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { EDITOR_FIELD, schemaExtensions } from "./editor-extensions";

export interface CollaborativeExtensionsOptions {
  /** The shared document; the editor binds to its `default` fragment. */
  doc: Y.Doc;
  /** Presence of the document: carets and selections of everyone in it. */
  awareness: Awareness;
  /** This user as the server identifies them (others see the server's stamp, whatever this says). */
  user: { id: string; name: string; color: string };
  /** Shown in an empty editable document (a function is asked again on every render). */
  placeholder: string | (() => string);
  /** The interactive view of judgement blocks (React, from components/). */
  judgementView?: NodeViewRenderer;
  /** The interactive view of inline citations (React, from components/). */
  citationView?: NodeViewRenderer;
}

/**
 * The browser editor's extensions: the document schema plus Yjs collaboration (which brings a
 * Yjs-aware undo that only undoes one's own edits), carets and selections of the others with
 * their names, and a placeholder.
 */
export function collaborativeExtensions(options: CollaborativeExtensionsOptions): Extensions {
  return [
    ...schemaExtensions({ judgementView: options.judgementView, citationView: options.citationView }),
    UndoableCollaboration.configure({ document: options.doc, field: EDITOR_FIELD }),
    CollaborationCaret.configure({
      provider: { awareness: options.awareness },
      user: options.user,
      render: renderCaret,
      selectionRender: (user) => ({
        nodeName: "span",
        class: "collab-selection",
        style: `background-color: ${safeColor(user.color)}33`,
      }),
    }),
    Placeholder.configure({ placeholder: options.placeholder }),
  ];
}

/**
 * Tiptap's Collaboration with undo and redo keys that always count as handled. Its own bindings
 * return the command's result, false when the stack is empty, and ProseMirror's keymap then
 * tries the key without Shift: Ctrl+Shift+Z with nothing to redo ran Mod-z, an undo (and could
 * empty the document). The browser's native undo must not run either: it would rewrite the DOM
 * behind ProseMirror's back.
 */
const UndoableCollaboration = Collaboration.extend({
  addKeyboardShortcuts() {
    const undo = () => {
      this.editor.commands.undo();
      return true;
    };
    const redo = () => {
      this.editor.commands.redo();
      return true;
    };
    return { "Mod-z": undo, "Mod-y": redo, "Shift-Mod-z": redo };
  },
});

/**
 * A caret with its owner's name. The name is drawn by CSS from `data-name` rather than written
 * as text, so it never becomes part of the document's text (selection, copy, screen readers
 * reading the paragraph); `aria-label` names the caret for assistive technology.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === "string" ? user.name : "Someone";
  const caret = document.createElement("span");
  caret.className = "collab-caret";
  caret.style.setProperty("--caret-color", safeColor(user.color));
  caret.dataset.name = name;
  caret.setAttribute("aria-label", `${name}'s cursor`);
  caret.setAttribute("role", "img");
  return caret;
}

/** Colours come from other clients' presence: only plain hex colours reach a style attribute. */
function safeColor(color: unknown): string {
  return typeof color === "string" && /^#[0-9a-fA-F]{6}$/.test(color) ? color : "#64748b";
}
