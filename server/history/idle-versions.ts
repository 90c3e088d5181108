import { env } from "../env";
import { publishHistoryChanged } from "../events/publish-history-changed";
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

/** One document's burst of editing: when it began, its last edit and last editor, its timer. */
interface Burst {
  since: number;
  last: number;
  userId: string | null;
  timer: NodeJS.Timeout;
}

/**
 * Watches editing activity per document and, once a document has been quiet for `idleMs` (or a
 * burst has gone on for `maxBurstMs`), freezes an automatic version of it (skipped when the text
 * equals the latest version). An edit only records its time: called for every keystroke, it must
 * not re-arm a timer; the burst's one timer checks when it fires whether the quiet time really
 * passed and waits the rest if not. Timers are per process and do not keep it alive; the database
 * decides between processes.
 */
export class IdleVersioner {
  private readonly bursts = new Map<string, Burst>();
  /** The freezes started and not yet settled, for tests and shutdown. */
  readonly running = new Set<Promise<unknown>>();

  constructor(private readonly options: IdleVersionerOptions) {}

  /** Notes an edit of `documentId` by `userId`: the quiet time starts again. */
  touch(documentId: string, userId: string | null): void {
    if (this.options.idleMs <= 0) return;
    const now = this.now();
    const burst = this.bursts.get(documentId);
    if (burst) {
      burst.last = now;
      if (userId) burst.userId = userId;
      return;
    }
    const started: Burst = { since: now, last: now, userId, timer: this.arm(documentId, now, now) };
    this.bursts.set(documentId, started);
  }

  /** Forgets every pending timer. */
  clear(): void {
    for (const { timer } of this.bursts.values()) clearTimeout(timer);
    this.bursts.clear();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** When a burst that began at `since` and was last edited at `last` is due for a version. */
  private dueAt(since: number, last: number): number {
    const maxBurstMs = this.options.maxBurstMs ?? this.options.idleMs * 6;
    return Math.min(last + this.options.idleMs, since + maxBurstMs);
  }

  private arm(documentId: string, since: number, last: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.check(documentId), Math.max(0, this.dueAt(since, last) - this.now()));
    timer.unref?.();
    return timer;
  }

  private check(documentId: string): void {
    const burst = this.bursts.get(documentId);
    if (!burst) return;
    if (this.now() < this.dueAt(burst.since, burst.last)) {
      burst.timer = this.arm(documentId, burst.since, burst.last);
      return;
    }
    this.bursts.delete(documentId);
    const freeze = this.options.freeze ?? freezeIdleVersion;
    const run = freeze({ assessmentId: documentId, actorUserId: burst.userId })
      // A version was frozen: open History pages and audit trails list it.
      .then((version) => (version ? publishHistoryChanged({ assessmentId: documentId }) : undefined))
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
