import { logger } from "../logger";
import type { LiveDocument } from "./live-document";

interface Entry {
  loading: Promise<LiveDocument>;
  live?: LiveDocument;
  /** Connections holding the document (one per joined socket). */
  holders: number;
}

export interface DocumentRegistryOptions {
  /** Loads a document into memory (subscribe to the relay, read the log). */
  load: (documentId: string, workspaceId: string) => Promise<LiveDocument>;
  /** Drops a document from memory (unsubscribe, destroy); its saves are already settled. */
  unload: (live: LiveDocument) => Promise<void>;
}

/**
 * The documents this process holds. Each is loaded once: joiners arriving while it loads share
 * the one in-flight load. When the last holder leaves, the document is unloaded after everything
 * it queued is committed and its derived content written, unless someone joined meanwhile.
 */
export class DocumentRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: DocumentRegistryOptions) {}

  /** The document, loading it if needed; each successful call must be paired with `release`. */
  async acquire(documentId: string, workspaceId: string): Promise<LiveDocument> {
    let entry = this.entries.get(documentId);
    if (!entry) {
      const created: Entry = { loading: this.options.load(documentId, workspaceId), holders: 0 };
      created.loading.then(
        (live) => {
          created.live = live;
        },
        () => {
          // A failed load is forgotten, so the next joiner tries again.
          if (this.entries.get(documentId) === created) this.entries.delete(documentId);
        },
      );
      this.entries.set(documentId, created);
      entry = created;
    }
    entry.holders += 1;
    try {
      return await entry.loading;
    } catch (error) {
      entry.holders -= 1;
      throw error;
    }
  }

  /** Gives back one hold; the last one starts the unload. */
  release(documentId: string): void {
    const entry = this.entries.get(documentId);
    if (!entry) return;
    entry.holders -= 1;
    if (entry.holders <= 0) void this.unloadWhenSettled(documentId, entry);
  }

  /** A loaded document, if this process has it. */
  get(documentId: string): LiveDocument | undefined {
    return this.entries.get(documentId)?.live;
  }

  /** Every loaded document. */
  loaded(): LiveDocument[] {
    return [...this.entries.values()].flatMap((entry) => (entry.live ? [entry.live] : []));
  }

  /** Resolves when every loaded document's saves are settled. */
  async settleAll(): Promise<void> {
    await Promise.all(this.loaded().map((live) => live.settled()));
  }

  /** Unloads everything; with `settle: false` (a simulated crash) pending saves are abandoned. */
  async closeAll(settle: boolean): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(
      entries.map(async (entry) => {
        const live = await entry.loading.catch(() => undefined);
        if (!live) return;
        if (settle) await live.settled();
        await this.options.unload(live);
      }),
    );
  }

  private async unloadWhenSettled(documentId: string, entry: Entry): Promise<void> {
    try {
      const live = await entry.loading;
      await live.settled();
      if (entry.holders > 0 || this.entries.get(documentId) !== entry) return;
      this.entries.delete(documentId);
      await this.options.unload(live);
    } catch (error) {
      logger().error({ err: error, documentId }, "unloading a document failed");
    }
  }
}
