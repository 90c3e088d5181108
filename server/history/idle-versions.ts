import { env } from "../env";
import { logger } from "../logger";
import { freezeIdleVersion } from "./freeze-idle-version";

export interface IdleVersionerOptions {
  /** Quiet time after the last edit before a version is frozen; 0 turns it off. */
  idleMs: number;
  /**
   * Longest a burst may run without a version: someone typing for hours with no quiet pause still
   * gets one this long after the burst began. Default: six times `idleMs`.
   */
  maxBurstMs?: number;
  /** Freezes the version (tests count calls or await them). */
  freeze?: typeof freezeIdleVersion;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

/**
 * Watches editing activity per document and, once a document has been quiet for `idleMs` (or a
 * burst has gone on for `maxBurstMs`), freezes an automatic version of it (skipped when the text
 * equals the latest version). Timers
 * are per process and do not keep it alive; the database decides between processes.
 */
export class IdleVersioner {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; userId: string | null; since: number }>();
  /** The freezes started and not yet settled, for tests and shutdown. */
  readonly running = new Set<Promise<unknown>>();

  constructor(private readonly options: IdleVersionerOptions) {}

  /** Notes an edit of `documentId` by `userId`: the quiet time starts again. */
  touch(documentId: string, userId: string | null): void {
    if (this.options.idleMs <= 0) return;
    const now = this.options.now?.() ?? Date.now();
    const previous = this.timers.get(documentId);
    if (previous) clearTimeout(previous.timer);
    const since = previous?.since ?? now;
    const maxBurstMs = this.options.maxBurstMs ?? this.options.idleMs * 6;
    const delay = Math.max(0, Math.min(this.options.idleMs, since + maxBurstMs - now));
    const timer = setTimeout(() => this.fire(documentId), delay);
    timer.unref?.();
    this.timers.set(documentId, { timer, userId: userId ?? previous?.userId ?? null, since });
  }

  /** Forgets every pending timer. */
  clear(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private fire(documentId: string): void {
    const entry = this.timers.get(documentId);
    this.timers.delete(documentId);
    const freeze = this.options.freeze ?? freezeIdleVersion;
    const run = freeze({ assessmentId: documentId, actorUserId: entry?.userId ?? null })
      .catch((error: unknown) => logger().warn({ err: error, documentId }, "freezing an automatic version failed"))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}

const globalForIdle = globalThis as typeof globalThis & { __parallaxIdleVersioner?: IdleVersioner };

/** Notes editing activity on a document for the process's idle versioner (AUTO_VERSION_IDLE_SECONDS). */
export function noteDocumentActivity(documentId: string, userId: string | null): void {
  globalForIdle.__parallaxIdleVersioner ??= new IdleVersioner({ idleMs: env().AUTO_VERSION_IDLE_SECONDS * 1000 });
  globalForIdle.__parallaxIdleVersioner.touch(documentId, userId);
}
