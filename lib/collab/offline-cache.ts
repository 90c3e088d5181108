import { IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";

/** A document's copy in this browser's IndexedDB: survives offline edits, crashes and reloads. */
export interface OfflineCache {
  /** Transaction origin of updates read back from the cache (they are not new local edits). */
  readonly origin: unknown;
  /** Resolves once the cached copy has been applied to the document (at once without a cache). */
  readonly ready: Promise<void>;
  /** Stops caching and closes the database; the cached copy stays. */
  destroy(): Promise<void>;
  /** Deletes the cached copy (access revoked, document deleted, changes refused). */
  clear(): Promise<void>;
}

/** The IndexedDB name of a user's copy of a document; per user, so people sharing a browser never mix. */
export function offlineCacheName(userId: string, documentId: string): string {
  return `parallax:${userId}:${documentId}`;
}

/**
 * Opens the offline cache of a document. y-indexeddb stores every update of `doc` as it happens
 * (not on a debounce), so an edit typed a moment before a crash is on disk when the tab comes
 * back, and is sent by the next sync. Returns a no-op cache without a name or where IndexedDB does
 * not exist (Node, some private modes).
 */
export function openOfflineCache(name: string | null, doc: Y.Doc): OfflineCache {
  if (name === null || typeof indexedDB === "undefined") return noCache;
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(name, doc);
  } catch {
    return noCache;
  }
  return {
    origin: persistence,
    ready: whenLoaded(persistence),
    destroy: () => persistence.destroy().catch(() => undefined),
    clear: () => persistence.clearData().catch(() => undefined),
  };
}

/**
 * Resolves when the cache is applied, or when it never will be: y-indexeddb's `whenSynced` never
 * settles if the database fails to open (storage disabled, quota), and a broken cache must not
 * keep the document from joining.
 */
function whenLoaded(persistence: IndexeddbPersistence): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CACHE_OPEN_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    persistence.whenSynced.then(done, done);
    persistence._db.catch(done);
  });
}

const CACHE_OPEN_TIMEOUT_MS = 5000;

const noCache: OfflineCache = {
  origin: Symbol("no offline cache"),
  ready: Promise.resolve(),
  destroy: () => Promise.resolve(),
  clear: () => Promise.resolve(),
};
