import { mergeAttributes, Node, type NodeViewRenderer } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/** The node name of inline citations in the editor schema and in the Y.Doc. */
export const CITATION_NODE = "citation";

export interface CitationOptions {
  /** The browser's interactive view (a chip with the observation card); the server uses plain HTML. */
  nodeView: NodeViewRenderer | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts a citation of the observation (its UUID) at the caret, replacing any selected text. */
      insertCitation: (observationId: string) => ReturnType;
    };
  }
}

/** The observation id an inline citation holds, or null for a citation written without one. */
export function citationIdOf(node: ProseMirrorNode): string | null {
  const id = node.attrs.observationId;
  return typeof id === "string" && id.trim() !== "" ? id : null;
}

/**
 * The observation ids cited inline inside `node` (a text block), in text order, repeats kept.
 */
export function inlineCitationsOf(node: ProseMirrorNode): string[] {
  const ids: string[] = [];
  node.descendants((child) => {
    if (child.type.name !== CITATION_NODE) return true;
    const id = citationIdOf(child);
    if (id) ids.push(id);
    return false;
  });
  return ids;
}

/**
 * A citation of one observation inside any text: an inline atom (the caret steps over it as one
 * character; it cannot be half-selected or typed into). It holds the observation's UUID only;
 * the label and card come from the workspace library wherever it is shown, so a re-graded or
 * retracted observation shows its current state without any edit of the document.
 */
export const Citation = Node.create<CitationOptions>({
  name: CITATION_NODE,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { nodeView: null };
  },

  addAttributes() {
    return {
      observationId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-observation-id"),
        renderHTML: (attributes) =>
          attributes.observationId ? { "data-observation-id": attributes.observationId } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: `span[data-type="${CITATION_NODE}"]` }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-type": CITATION_NODE }), `[${citationIdOf(node) ?? "?"}]`];
  },

  renderText({ node }) {
    return `[${citationIdOf(node) ?? "?"}]`;
  },

  addNodeView() {
    return this.options.nodeView;
  },

  addCommands() {
    return {
      insertCitation:
        (observationId) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.nodes[CITATION_NODE];
          if (!type || observationId.trim() === "") return false;
          const node = type.create({ observationId });
          const { $from } = state.selection;
          // Only where inline nodes may go (not in a code block, not with a whole block selected).
          if (!$from.parent.inlineContent || !$from.parent.type.contentMatch.matchType(type)) return false;
          if (dispatch) tr.replaceSelectionWith(node, false).scrollIntoView();
          return true;
        },
    };
  },
});
