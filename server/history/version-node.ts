import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import { fragmentToNode } from "@/lib/editor/document-content";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { editorSchema } from "@/lib/editor/editor-schema";

/** The text a version froze (its `ydoc_state`), as a ProseMirror document of the editor schema. */
export function versionNode(ydocState: Uint8Array): ProseMirrorNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, ydocState);
    return fragmentToNode(doc.getXmlFragment(EDITOR_FIELD), editorSchema());
  } finally {
    doc.destroy();
  }
}
