import { readFileSync, writeFileSync } from "node:fs";

/**
 * A list of Yjs updates in one file (a 4-byte length before each), so the runner builds the
 * trace history once and every seeding process reads it instead of replaying 260k edits again.
 */
export function writeUpdateFile(file: string, updates: readonly Uint8Array[]): void {
  const total = updates.reduce((sum, update) => sum + 4 + update.byteLength, 0);
  const buffer = Buffer.allocUnsafe(total);
  let offset = 0;
  for (const update of updates) {
    buffer.writeUInt32LE(update.byteLength, offset);
    buffer.set(update, offset + 4);
    offset += 4 + update.byteLength;
  }
  writeFileSync(file, buffer);
}

/** Reads a file written by `writeUpdateFile`. */
export function readUpdateFile(file: string): Uint8Array[] {
  const buffer = readFileSync(file);
  const updates: Uint8Array[] = [];
  for (let offset = 0; offset < buffer.byteLength; ) {
    const length = buffer.readUInt32LE(offset);
    updates.push(buffer.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return updates;
}
