import { sql } from "drizzle-orm";
import type * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { documentContent } from "@/db/schema";
// The one editor schema (lib/editor) decides what the derived copy contains.
import { documentToContent as deriveDocumentContent } from "@/lib/editor/document-content";
import { logger } from "../logger";

/** Writes the derived JSON/text copy of a document to `document_content`. */
export async function storeDocumentContent(documentId: string, doc: Y.Doc): Promise<void> {
  let content: ReturnType<typeof deriveDocumentContent>;
  try {
    content = deriveDocumentContent(doc);
  } catch (error) {
    // A document whose `default` root is not an XML fragment (e.g. written by a script) has no
    // editor content to derive; that is not worth failing over.
    logger().warn({ err: error, documentId }, "could not derive document content");
    return;
  }
  await getDatabase()
    .insert(documentContent)
    .values({ documentId, json: content.json as unknown as Record<string, unknown>, text: content.text })
    .onConflictDoUpdate({
      target: documentContent.documentId,
      set: { json: content.json as unknown as Record<string, unknown>, text: content.text, updatedAt: sql`now()` },
    });
}

/**
 * Debounces `storeDocumentContent` for one document: the first change after a save starts a
 * timer, later changes ride along, so the copy is at most `delayMs` (plus a write) behind.
 */
export class ContentSaver {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly documentId: string,
    private readonly doc: Y.Doc,
    private readonly delayMs: number,
  ) {}

  /** Notes a change; the copy is written within `delayMs`. */
  changed(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => void this.save(), this.delayMs);
  }

  /** Writes pending changes now (before unloading the document or shutting down). */
  async flush(): Promise<void> {
    if (this.dirty) await this.save();
    await this.saving;
  }

  /** Forgets pending changes without writing them. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
  }

  private save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    this.saving = this.saving
      .then(() => storeDocumentContent(this.documentId, this.doc))
      .catch((error: unknown) => {
        // Derived data only: the next change tries again; the update log is the source of truth.
        logger().warn({ err: error, documentId: this.documentId }, "saving document content failed");
      });
    return this.saving;
  }
}
