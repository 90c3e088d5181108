import type { Extensions, NodeViewRenderer } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { Citation } from "./citation-node";
import { JudgementEditing } from "./judgement-editing";
import { Judgement } from "./judgement-node";

/** The Y.Doc field (XmlFragment) the editor is bound to; the server reads the text from it. */
export const EDITOR_FIELD = "default";

/** Heading levels the toolbar offers; the schema accepts exactly these. */
export const HEADING_LEVELS = [1, 2, 3] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/** Link targets an assessment may point at; anything else (javascript:, data:) is never a link. */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export interface SchemaExtensionsOptions {
  /** The interactive view of judgement blocks (browser only; it does not change the schema). */
  judgementView?: NodeViewRenderer;
  /** The interactive view of inline citations (browser only; it does not change the schema). */
  citationView?: NodeViewRenderer;
}

/**
 * The extensions that define the document schema: one list, used by the browser editor and by
 * the server when it converts a stored Y.Doc into ProseMirror JSON or text, so both always agree
 * on which nodes and marks exist (judgement blocks and inline citations included). Behaviour-only extensions
 * (collaboration, carets, placeholder) are added on top in the browser (see
 * `collaborativeExtensions`).
 */
export function schemaExtensions(options: SchemaExtensionsOptions = {}): Extensions {
  return [
    StarterKit.configure({
      // Collaboration brings its own Yjs-aware undo; ProseMirror's history would undo other
      // people's edits too.
      undoRedo: false,
      // Plugins that append their own transactions would also react to remote changes: every
      // open editor, read-only ones included, would write the same trailing paragraph or link
      // mark into the shared document. Links come from the toolbar and from pasting instead.
      trailingNode: false,
      heading: { levels: [...HEADING_LEVELS] },
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: "https",
        protocols: [...LINK_PROTOCOLS],
        isAllowedUri: (url, context) => isAllowedLink(url) && context.defaultValidate(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
      },
    }),
    // After StarterKit so that `paragraph` stays the schema's first (default) block.
    Judgement.configure({ nodeView: options.judgementView ?? null }),
    JudgementEditing,
    Citation.configure({ nodeView: options.citationView ?? null }),
  ];
}

/** Whether `url` may be a link target: http(s) and mailto only, relative paths allowed. */
export function isAllowedLink(url: string): boolean {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  return scheme === undefined || (LINK_PROTOCOLS as readonly string[]).includes(scheme);
}
