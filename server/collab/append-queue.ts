import { logger } from "../logger";
import { CollabFault } from "./collab-fault";
import { collabMetrics } from "./collab-metrics";
import { type InsertUpdateRows, isPermanentWriteError, type UpdateRow } from "./insert-update-rows";
import { mergeUpdates } from "./merge-updates";

export interface AppendQueueOptions {
  /** Writes one batch (a multi-row insert). */
  insert: InsertUpdateRows;
  /** Group-commit window for the first update of an idle queue, in milliseconds. */
  commitDelayMs: number;
  /** Called after a commit with the ids written for one document. */
  onCommitted: (documentId: string, ids: number[], bytes: number) => void;
  /** Called when a document's saves start failing (false) and when they succeed again (true). */
  onDurability: (documentId: string, durable: boolean) => void;
}

interface Entry {
  row: UpdateRow;
  receivedAt: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

const MAX_BATCH_ROWS = 500;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_BACKOFF_MS = 5000;

/**
 * Group commit for `document_updates`. Updates queue up while the previous batch is in flight (or
 * for `commitDelayMs` when the queue was idle) and are written by one INSERT, one row per document
 * and sender (`mergeRows`); each update's promise
 * resolves only after its batch committed, which is when its sender is acknowledged. When the
 * database is unavailable the batch is retried with backoff, forever, and nothing is acknowledged.
 */
export class AppendQueue {
  private readonly entries: Entry[] = [];
  private readonly failing = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private wake: (() => void) | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: AppendQueueOptions) {}

  /** Queues an update; resolves once it is committed. */
  append(row: UpdateRow): Promise<void> {
    if (this.stopped) return Promise.reject(new CollabFault("not_saved"));
    collabMetrics().pendingUpdates.inc();
    return new Promise<void>((resolve, reject) => {
      this.entries.push({ row, receivedAt: performance.now(), resolve, reject });
      if (!this.running && !this.timer) this.timer = setTimeout(() => void this.run(), this.options.commitDelayMs);
    });
  }

  /** Resolves when every update queued so far is committed (waits through outages). */
  flush(): Promise<void> {
    if (!this.running && this.entries.length === 0) return Promise.resolve();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.run();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops retrying and rejects every uncommitted update with `not_saved` (shutdown, crash tests). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.wake?.();
    for (const entry of this.entries.splice(0)) this.settle(entry, new CollabFault("not_saved"));
    this.notifyIdle();
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      while (this.entries.length > 0 && !this.stopped) await this.commit(this.takeBatch());
    } finally {
      this.running = false;
      this.notifyIdle();
    }
  }

  private takeBatch(): Entry[] {
    let bytes = 0;
    let count = 0;
    while (count < this.entries.length && count < MAX_BATCH_ROWS && bytes < MAX_BATCH_BYTES) {
      bytes += this.entries[count]?.row.update.byteLength ?? 0;
      count += 1;
    }
    return this.entries.splice(0, count);
  }

  private async commit(batch: Entry[]): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt += 1) {
      try {
        const rows = await this.options.insert(mergeRows(batch.map((entry) => entry.row)));
        this.committed(batch, rows);
        return;
      } catch (error) {
        const byDocument = groupBy(batch, (entry) => entry.row.documentId);
        if (isPermanentWriteError(error) && byDocument.size > 1) return this.isolate(byDocument);
        if (isPermanentWriteError(error)) {
          logger().error({ err: error, documentId: batch[0]?.row.documentId }, "update rejected by the database");
          for (const entry of batch) this.settle(entry, new CollabFault("internal"));
          return;
        }
        logger().warn({ err: error, attempt }, "saving document updates failed; retrying");
        for (const documentId of byDocument.keys()) {
          if (!this.failing.has(documentId)) {
            this.failing.add(documentId);
            this.options.onDurability(documentId, false);
          }
        }
        await this.sleep(Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt) * (0.5 + Math.random() / 2));
      }
    }
    for (const entry of batch) this.settle(entry, new CollabFault("not_saved"));
  }

  /** A row the database refuses must not sink its batch-mates: write each document on its own. */
  private async isolate(byDocument: Map<string, Entry[]>): Promise<void> {
    for (const group of byDocument.values()) await this.commit(group);
  }

  private committed(batch: Entry[], rows: { id: number; documentId: string }[]): void {
    const idsByDocument = groupBy(rows, (row) => row.documentId);
    const bytesByDocument = new Map<string, number>();
    for (const entry of batch) {
      const { documentId } = entry.row;
      bytesByDocument.set(documentId, (bytesByDocument.get(documentId) ?? 0) + entry.row.update.byteLength);
    }
    for (const [documentId, bytes] of bytesByDocument) {
      this.options.onCommitted(
        documentId,
        (idsByDocument.get(documentId) ?? []).map((row) => row.id),
        bytes,
      );
      if (this.failing.delete(documentId)) this.options.onDurability(documentId, true);
    }
    const now = performance.now();
    for (const entry of batch) {
      collabMetrics().persistSeconds.observe((now - entry.receivedAt) / 1000);
      this.settle(entry);
    }
  }

  private settle(entry: Entry, error?: Error): void {
    collabMetrics().pendingUpdates.dec();
    if (error) entry.reject(error);
    else entry.resolve();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private notifyIdle(): void {
    if (this.running || this.entries.length > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

/**
 * One row per document and sender for a batch: the updates a writer made during one commit
 * window, merged into one Yjs update. Fewer, larger rows make the insert cheaper and the log
 * shorter to read back. Merging is lossless and Yjs updates commute, so the order between
 * different senders' rows does not matter. Should merging ever fail, the rows stay as they were.
 */
export function mergeRows(rows: UpdateRow[]): UpdateRow[] {
  const groups = groupBy(rows, (row) => `${row.documentId}:${row.userId ?? ""}`);
  if (groups.size === rows.length) return rows;
  try {
    return [...groups.values()].map((group) =>
      group.length === 1
        ? (group[0] as UpdateRow)
        : { ...(group[0] as UpdateRow), update: mergeUpdates(group.map((row) => row.update)) },
    );
  } catch (error) {
    logger().warn({ err: error }, "merging a batch of updates failed; storing them one by one");
    return rows;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
