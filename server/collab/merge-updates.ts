import * as Y from "yjs";

/** At most this many updates go into one `Y.mergeUpdates` call. */
const MERGE_FAN_IN = 32;

/**
 * Merges Yjs updates into one, at most `MERGE_FAN_IN` at a time, then the merged parts the same
 * way. `Y.mergeUpdates` sorts all its inputs again for every struct it writes, so one call over n
 * keystroke updates grows like n² log n: a server that fell behind got more updates per event-loop
 * turn, merged them more slowly and fell further behind (in the throughput bench's overloaded step
 * 85 % of our server's CPU went to merging; bench/README.md). Yjs merges merged updates like any
 * others, so the result holds the same changes (and, in our tests and bench, the same bytes).
 */
export function mergeUpdates(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 1) return updates[0] as Uint8Array;
  if (updates.length <= MERGE_FAN_IN) return Y.mergeUpdates(updates as Uint8Array[]);
  const parts: Uint8Array[] = [];
  for (let start = 0; start < updates.length; start += MERGE_FAN_IN) {
    parts.push(mergeUpdates(updates.slice(start, start + MERGE_FAN_IN)));
  }
  return mergeUpdates(parts);
}
