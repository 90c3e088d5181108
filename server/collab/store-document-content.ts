import { eq, sql } from "drizzle-orm";
import type * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { assessments, documentContent } from "@/db/schema";
// The one editor schema (lib/editor) decides what the derived copy contains.
import { documentToContent as deriveDocumentContent } from "@/lib/editor/document-content";
import { publishJudgementsChanged } from "../events/publish-judgements-changed";
import { noteDocumentActivity } from "../history/idle-versions";
import { projectJudgements } from "../judgements/project-judgements";
import { logger } from "../logger";
import { noticeStaleApprovals } from "../notifications/notice-stale-approvals";

/**
 * Writes the derived JSON/text copy of a document to `document_content` and, in the same
 * transaction, its judgement blocks to `judgements`, crediting `editorIds` (the users whose
 * edits this save covers) on the judgements that changed. Resolves true when the judgements
 * were projected; a failed projection is logged and leaves the text copy saved.
 */
export async function storeDocumentContent(
  documentId: string,
  doc: Y.Doc,
  editorIds: readonly string[] = [],
): Promise<boolean> {
  let content: ReturnType<typeof deriveDocumentContent>;
  try {
    content = deriveDocumentContent(doc);
  } catch (error) {
    // A document whose `default` root is not an XML fragment (e.g. written by a script) has no
    // editor content to derive; that is not worth failing over.
    logger().warn({ err: error, documentId }, "could not derive document content");
    return false;
  }
  const json = content.json as unknown as Record<string, unknown>;
  const outcome = await getDatabase().transaction(async (tx): Promise<"failed" | "unchanged" | "changed"> => {
    await tx
      .insert(documentContent)
      .values({ documentId, json, text: content.text })
      .onConflictDoUpdate({
        target: documentContent.documentId,
        set: { json, text: content.text, updatedAt: sql`now()` },
      });
    const [assessment] = await tx
      .select({ workspaceId: assessments.workspaceId })
      .from(assessments)
      .where(eq(assessments.id, documentId));
    if (!assessment) return "failed";
    try {
      // A savepoint: a projection bug or bad row must not cost the text copy its save.
      const result = await tx.transaction((savepoint) =>
        projectJudgements({
          db: savepoint,
          assessmentId: documentId,
          workspaceId: assessment.workspaceId,
          judgements: content.judgements,
          editorIds,
        }),
      );
      return result.written + result.deleted > 0 ? "changed" : "unchanged";
    } catch (error) {
      logger().error({ err: error, documentId }, "projecting judgements failed");
      return "failed";
    }
  });
  if (outcome === "changed") {
    await publishJudgementsChanged({ assessmentId: documentId });
    // After the commit, so every approval is compared with the judgements as now stored.
    await noticeStaleApprovals({ scope: { assessmentId: documentId }, actorUserIds: editorIds });
  }
  return outcome !== "failed";
}

interface Flushable {
  flush: () => Promise<void>;
}

// Route handlers are bundled by Next as separate module instances; the savers of the documents
// this process holds live on globalThis so a request can flush them (see `flushDocumentContent`).
const globalForSavers = globalThis as typeof globalThis & { __parallaxContentSavers?: Map<string, Set<Flushable>> };

function savers(): Map<string, Set<Flushable>> {
  globalForSavers.__parallaxContentSavers ??= new Map();
  return globalForSavers.__parallaxContentSavers;
}

/**
 * Writes pending derived content of a document held by this process now, so a read right after
 * an edit sees it; gives up waiting after `timeoutMs`. Documents held by other processes are
 * saved by them within the content delay.
 */
export async function flushDocumentContent(documentId: string, timeoutMs = 3000): Promise<void> {
  const pending = [...(savers().get(documentId) ?? [])].map((saver) => saver.flush());
  if (pending.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.all(pending), timeout]);
  clearTimeout(timer);
}

/** Longest wait between retries of a failed save of the derived copy. */
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Debounces `storeDocumentContent` for one document: the first change after a save starts a
 * timer, later changes ride along, so the copy is at most `delayMs` (plus a write) behind. A
 * save that fails (the database is away) is retried with backoff until one succeeds.
 */
export class ContentSaver {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  /** Saves that failed in a row (the database is away); each retry waits longer. */
  private failures = 0;
  private cancelled = false;
  /** Users whose edits the next save covers, in order of their first edit. */
  private editors = new Set<string>();

  constructor(
    private readonly documentId: string,
    private readonly doc: Y.Doc,
    private readonly delayMs: number,
  ) {
    const registered = savers().get(documentId) ?? new Set();
    registered.add(this);
    savers().set(documentId, registered);
  }

  /** Notes a change by `userId` (credited on the judgements it changed); the copy is written within `delayMs`. */
  changed(userId?: string | null): void {
    this.dirty = true;
    if (userId) this.editors.add(userId);
    this.timer ??= setTimeout(() => void this.save(), this.delayMs);
    // An edit accepted here: the burst it belongs to gets an automatic version once it goes quiet.
    noteDocumentActivity(this.documentId, userId ?? null);
  }

  /** Writes pending changes now (before unloading the document or shutting down). */
  async flush(): Promise<void> {
    if (this.dirty) await this.save();
    await this.saving;
  }

  /** Forgets pending changes without writing them; the document is being dropped. */
  cancel(): void {
    this.cancelled = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    this.editors.clear();
    const registered = savers().get(this.documentId);
    registered?.delete(this);
    if (registered?.size === 0) savers().delete(this.documentId);
  }

  private save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    const editors = [...this.editors];
    this.editors.clear();
    this.saving = this.saving
      .then(async () => {
        if (!(await storeDocumentContent(this.documentId, this.doc, editors))) this.restoreEditors(editors);
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.restoreEditors(editors);
        logger().warn({ err: error, documentId: this.documentId }, "saving document content failed");
        // The database is away. Retry on our own: waiting for the next change would leave the
        // copy without the last edits for as long as nobody types, and for good once the document
        // is closed (the update log, the source of truth, has them).
        this.failures += 1;
        if (this.cancelled) return;
        this.dirty = true;
        this.timer ??= setTimeout(
          () => void this.save(),
          Math.min(MAX_RETRY_DELAY_MS, this.delayMs * 2 ** this.failures),
        );
      });
    return this.saving;
  }

  /** Keeps the editors of a save that did not project, ahead of newer ones, for the next save. */
  private restoreEditors(editors: string[]): void {
    this.editors = new Set([...editors, ...this.editors]);
  }
}
