/** One piece of a `doc:sync-chunk` message. */
export interface SyncChunk {
  id: string;
  index: number;
  count: number;
  bytes: Uint8Array;
}

// A large initial sync is a few hundred pieces at most; more is a broken or hostile stream.
const MAX_CHUNKS = 4096;

/**
 * Reassembles chunked sync messages. Pieces of one message share an id and arrive in order on
 * one connection, but nothing is assumed: a piece may repeat and others may interleave.
 */
export class ChunkAssembler {
  private readonly pending = new Map<string, { parts: (Uint8Array | undefined)[]; received: number }>();

  /** Adds a piece; returns the whole message when it was the last one missing. */
  add(chunk: SyncChunk): Uint8Array | null {
    if (!Number.isInteger(chunk.count) || chunk.count < 1 || chunk.count > MAX_CHUNKS) return null;
    if (!Number.isInteger(chunk.index) || chunk.index < 0 || chunk.index >= chunk.count) return null;
    const entry = this.pending.get(chunk.id) ?? { parts: new Array<Uint8Array | undefined>(chunk.count), received: 0 };
    this.pending.set(chunk.id, entry);
    if (entry.parts[chunk.index] === undefined) entry.received += 1;
    entry.parts[chunk.index] = chunk.bytes;
    if (entry.received < chunk.count) return null;
    this.pending.delete(chunk.id);
    const length = entry.parts.reduce((sum, part) => sum + (part?.byteLength ?? 0), 0);
    const message = new Uint8Array(length);
    let offset = 0;
    for (const part of entry.parts) {
      if (!part) continue;
      message.set(part, offset);
      offset += part.byteLength;
    }
    return message;
  }

  /** Drops partial messages (the connection that was sending them is gone). */
  clear(): void {
    this.pending.clear();
  }
}
