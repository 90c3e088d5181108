import * as Y from "yjs";

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Whether a decoded update refers to anything the document does not have yet: a struct starting
 * past the document's clock for its client (a gap), or an origin, right origin, parent or deleted
 * range that is neither in the document nor in the update itself.
 *
 * Yjs parks such updates in the store's pending set and retries them on every later update. Its
 * integration code trusts them; a forged or corrupted pending struct (one that decodes cleanly)
 * makes the retry throw, so every later valid update fails and the document is wedged, in memory
 * and on every reload of a log that stored it. Refusing them keeps pending sets empty of client
 * input. A well-behaved client only hits this after reconnecting to a process that has not yet
 * received what it saw elsewhere; the server then asks it for a full step 2.
 */
export function hasMissingDependencies(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const clockOf = (client: number): number => Y.getState(doc.store, client);
  // Per client: ranges the update itself brings, [start, end).
  const brought = new Map<number, [number, number][]>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const ranges = brought.get(struct.id.client) ?? [];
    ranges.push([struct.id.clock, struct.id.clock + struct.length]);
    brought.set(struct.id.client, ranges);
  }
  const has = (client: number, clock: number): boolean =>
    clock < clockOf(client) || (brought.get(client) ?? []).some(([start, end]) => clock >= start && clock < end);

  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    if (clock > clockOf(client) && !has(client, clock - 1)) return true;
    if (!(struct instanceof Y.Item)) continue;
    if (struct.origin && !has(struct.origin.client, struct.origin.clock)) return true;
    if (struct.rightOrigin && !has(struct.rightOrigin.client, struct.rightOrigin.clock)) return true;
    const parent = struct.parent as unknown;
    if (parent instanceof Y.ID && !has(parent.client, parent.clock)) return true;
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const deletion of deletions) {
      if (deletion.len > 0 && !has(client, deletion.clock + deletion.len - 1)) return true;
    }
  }
  return false;
}
