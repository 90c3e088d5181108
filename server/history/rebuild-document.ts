import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { Executor } from "@/db/client";
import { fragmentToNode } from "@/lib/editor/document-content";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { editorSchema } from "@/lib/editor/editor-schema";
import { readDocumentLog } from "../collab/read-document-log";
import { logger } from "../logger";

/**
 * An assessment's Y.Doc rebuilt from its snapshot and update log (the source of truth), to
 * change and encode a diff against. The caller destroys it.
 */
export async function rebuildDocument(db: Executor, assessmentId: string): Promise<Y.Doc> {
  const log = await readDocumentLog(db, assessmentId);
  const doc = new Y.Doc();
  doc.transact(() => {
    if (log.snapshot) Y.applyUpdate(doc, log.snapshot.state);
    for (const row of log.updates) {
      try {
        Y.applyUpdate(doc, row.update);
      } catch (error) {
        // As the live document does: a stored row that fails to apply is skipped, not fatal.
        logger().error({ err: error, documentId: assessmentId, rowId: row.id }, "stored update failed to apply");
      }
    }
  });
  return doc;
}

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
