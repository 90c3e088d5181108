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

/** Who is credited with the judgement edits a save of the derived copy covers. */
interface ContentEditors {
  /** Users credited on every judgement that changed: the save cannot tell who touched which (a restore, a seed). */
  editorIds?: readonly string[];
  /** Users whose edits touched each judgement block, by judgement id (a live document's save). */
  editorsByJudgement?: ReadonlyMap<string, Iterable<string>>;
}

/** What a save of the derived copy did. */
interface StoredContent {
  /** The judgements were projected (false: the text copy is saved, the projection failed). */
  projected: boolean;
  /** Ids of the judgements given a new revision. */
  revisedJudgementIds: string[];
}

/**
 * Writes the derived JSON/text copy of a document to `document_content` and, in the same
 * transaction, its judgement blocks to `judgements`, crediting `editorIds` on every judgement
 * that changed (a restore, a seeded document). Resolves true when the judgements were projected;
 * a failed projection is logged and leaves the text copy saved.
 */
export async function storeDocumentContent(
  documentId: string,
  doc: Y.Doc,
  editorIds: readonly string[] = [],
): Promise<boolean> {
  return (await writeDocumentContent(documentId, doc, { editorIds })).projected;
}

/**
 * `storeDocumentContent` with per-judgement credit: each judgement given a new revision records
 * `editorIds` and the users `editorsByJudgement` names for it.
 */
async function writeDocumentContent(documentId: string, doc: Y.Doc, editors: ContentEditors): Promise<StoredContent> {
  let content: ReturnType<typeof deriveDocumentContent>;
  try {
    content = deriveDocumentContent(doc);
  } catch (error) {
    // A document whose `default` root is not an XML fragment (e.g. written by a script) has no
    // editor content to derive; that is not worth failing over.
    logger().warn({ err: error, documentId }, "could not derive document content");
    return { projected: false, revisedJudgementIds: [] };
  }
  const json = content.json as unknown as Record<string, unknown>;
  const outcome = await getDatabase().transaction(async (tx) => {
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
    if (!assessment) return null;
    try {
      // A savepoint: a projection bug or bad row must not cost the text copy its save.
      return await tx.transaction((savepoint) =>
        projectJudgements({
          db: savepoint,
          assessmentId: documentId,
          workspaceId: assessment.workspaceId,
          judgements: content.judgements,
          editorIds: editors.editorIds,
          editorsByJudgement: editors.editorsByJudgement,
        }),
      );
    } catch (error) {
      logger().error({ err: error, documentId }, "projecting judgements failed");
      return null;
    }
  });
  if (!outcome) return { projected: false, revisedJudgementIds: [] };
  if (outcome.written + outcome.deleted > 0) {
    await publishJudgementsChanged({ assessmentId: documentId });
    // After the commit, so every approval is compared with the judgements as now stored. Those
    // who changed the judgements are not told of what they did.
    await noticeStaleApprovals({ scope: { assessmentId: documentId }, actorUserIds: outcome.editorIds });
  }
  return { projected: true, revisedJudgementIds: outcome.revisedIds };
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
 * Debounces `writeDocumentContent` for one document: the first change after a save starts a
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
  /** Per judgement id, the users whose edits accepted here touched it since the last save. */
  private touched = new Map<string, Set<string>>();
  /**
   * Per judgement id, users another process (relay) or the log (reconciliation) says touched it.
   * Kept until a save of this process gives the judgement a revision: the edit may reach this
   * copy after the credit, or be projected first by the process that accepted it. Keeping errs
   * toward four eyes: at worst someone whose edit of the block changed nothing in the end (a
   * typo undone, a block moved) is credited with its next revision here.
   */
  private credited = new Map<string, Set<string>>();

  constructor(
    private readonly documentId: string,
    private readonly doc: Y.Doc,
    private readonly delayMs: number,
  ) {
    const registered = savers().get(documentId) ?? new Set();
    registered.add(this);
    savers().set(documentId, registered);
  }

  /**
   * Notes a change by `userId` that touched `judgementIds` (credited to them there); the copy is
   * written within `delayMs`.
   */
  changed(userId?: string | null, judgementIds: Iterable<string> = []): void {
    this.dirty = true;
    if (userId) addCredit(this.touched, userId, judgementIds);
    this.timer ??= setTimeout(() => void this.save(), this.delayMs);
    // An edit accepted here: the burst it belongs to gets an automatic version once it goes quiet.
    noteDocumentActivity(this.documentId, userId ?? null);
  }

  /** Notes that `userId` touched `judgementIds` in an edit accepted elsewhere; saves nothing by itself. */
  credit(userId: string, judgementIds: Iterable<string>): void {
    addCredit(this.credited, userId, judgementIds);
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
    this.touched.clear();
    this.credited.clear();
    const registered = savers().get(this.documentId);
    registered?.delete(this);
    if (registered?.size === 0) savers().delete(this.documentId);
  }

  private save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    const touched = this.touched;
    this.touched = new Map();
    this.saving = this.saving
      .then(async () => {
        const credited = copyCredits(this.credited);
        const editorsByJudgement = copyCredits(credited);
        for (const [id, users] of touched) addCredit(editorsByJudgement, users, [id]);
        const stored = await writeDocumentContent(this.documentId, this.doc, { editorsByJudgement });
        if (!stored.projected) this.restoreTouched(touched);
        for (const id of stored.revisedJudgementIds) {
          for (const userId of credited.get(id) ?? []) this.credited.get(id)?.delete(userId);
          if (this.credited.get(id)?.size === 0) this.credited.delete(id);
        }
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.restoreTouched(touched);
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

  /** Keeps the credits of a save that did not project for the next save. */
  private restoreTouched(touched: ReadonlyMap<string, ReadonlySet<string>>): void {
    for (const [id, users] of touched) addCredit(this.touched, users, [id]);
  }
}

/** Adds `users` (one or several) to each of `judgementIds` in `credits`. */
function addCredit(
  credits: Map<string, Set<string>>,
  users: string | Iterable<string>,
  judgementIds: Iterable<string>,
): void {
  for (const id of judgementIds) {
    const credited = credits.get(id) ?? new Set<string>();
    for (const userId of typeof users === "string" ? [users] : users) credited.add(userId);
    credits.set(id, credited);
  }
}

function copyCredits(credits: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  return new Map([...credits].map(([id, users]) => [id, new Set(users)]));
}
