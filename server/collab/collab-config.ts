import { randomUUID } from "node:crypto";
import type { Env } from "../env";

/** Settings of one collaboration server; built from the environment by `collabConfigFromEnv`. */
export interface CollabConfig {
  /** Largest inbound message in bytes; larger ones are answered with `message_too_large`. */
  maxMessageBytes: number;
  /** Documents one connection may have joined at once. */
  maxDocumentsPerConnection: number;
  /** Sustained inbound messages per second per connection; the bucket holds twice as many. */
  messagesPerSecond: number;
  /** Outbound sync messages above this size are split into `doc:sync-chunk` pieces. */
  syncChunkBytes: number;
  /** How long the first queued update waits for others to share one insert (group commit). */
  commitDelayMs: number;
  /** Compact a document once its log weighs more than this (update bytes + 128 per row). */
  compactBytes: number;
  /** How often loaded documents re-read the log to catch relay messages Redis dropped. */
  reconcileMs: number;
  /** Debounce of the derived ProseMirror JSON / text copy (`document_content`). */
  contentDelayMs: number;
  /** Redis for the cross-process relay; absent means a single process. */
  redisUrl?: string;
  /** Identifies this process on the relay so it ignores its own messages. */
  processId: string;
}

/** Collaboration settings of this process, from the validated environment. */
export function collabConfigFromEnv(config: Env, overrides: Partial<CollabConfig> = {}): CollabConfig {
  return {
    maxMessageBytes: config.COLLAB_MAX_MESSAGE_BYTES,
    maxDocumentsPerConnection: config.COLLAB_MAX_DOCUMENTS_PER_CONNECTION,
    messagesPerSecond: config.COLLAB_MESSAGES_PER_SECOND,
    syncChunkBytes: config.COLLAB_SYNC_CHUNK_BYTES,
    commitDelayMs: config.COLLAB_COMMIT_DELAY_MS,
    compactBytes: config.COLLAB_COMPACT_BYTES,
    reconcileMs: config.COLLAB_RECONCILE_MS,
    contentDelayMs: config.COLLAB_CONTENT_DELAY_MS,
    redisUrl: config.REDIS_URL,
    processId: randomUUID(),
    ...overrides,
  };
}

/** Bytes a log row counts for compaction: tiny keystroke updates still cost a row to load. */
export function logWeight(updateBytes: number): number {
  return updateBytes + 128;
}
