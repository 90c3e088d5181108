import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { Executor } from "@/db/client";
import { fragmentToNode } from "@/lib/editor/document-content";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { editorSchema } from "@/lib/editor/editor-schema";
import { type JudgementContent, readJudgements } from "@/lib/editor/judgement-content";
import { rebuildDocument } from "../collab/read-document-log";

/** An assessment's text exactly as the durable log holds it. */
export interface FrozenDocument {
  /** `Y.encodeStateAsUpdate` of the rebuilt Y.Doc: what a version stores as `ydoc_state`. */
  state: Uint8Array;
  /** The text as a ProseMirror document of the editor schema. */
  node: ProseMirrorNode;
  /** Its judgement blocks in document order, as the projection reads them. */
  judgements: JudgementContent[];
}

/**
 * Rebuilds an assessment's Y.Doc from its snapshot and update log (the source of truth) and
 * converts it with the one editor schema. The gate and publishing read this rather than the
 * derived `document_content`/`judgements` copies, which may trail the log by a save delay when
 * another process holds the document: what is checked is then exactly what is frozen.
 */
export async function readFrozenDocument(db: Executor, assessmentId: string): Promise<FrozenDocument> {
  const doc = await rebuildDocument(db, assessmentId);
  try {
    const node = fragmentToNode(doc.getXmlFragment(EDITOR_FIELD), editorSchema());
    return { state: Y.encodeStateAsUpdate(doc), node, judgements: readJudgements(node) };
  } finally {
    doc.destroy();
  }
}
