import { Extension } from "@tiptap/core";

/** The keyboard shortcut that opens the citation picker at the caret (Ctrl/Cmd + Alt + K). */
export const CITE_SHORTCUT = "Mod-Alt-k";

export interface CitationShortcutOptions {
  /** Opens the citation picker; the chosen observation is inserted at the caret by the caller. */
  onCite: () => void;
}

/**
 * The shortcut for citing evidence inline. Behaviour only (the picker is React, in the browser),
 * so it is not part of the shared schema; it does nothing where a citation cannot go.
 */
export const CitationShortcut = Extension.create<CitationShortcutOptions>({
  name: "citationShortcut",

  addOptions() {
    return { onCite: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      [CITE_SHORTCUT]: () => {
        if (!this.editor.isEditable || !this.editor.can().insertCitation("probe")) return false;
        this.options.onCite();
        return true;
      },
    };
  },
});
