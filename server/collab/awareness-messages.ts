import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CollabFault } from "./collab-fault";
import type { CollabIdentity } from "./user-color";

/** One entry of a y-protocols awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The client's state object, or null when it goes away. */
  state: Record<string, unknown> | null;
}

/** A browser tab speaks for one awareness client; a few leave room for reconnect overlaps. */
const MAX_ENTRIES = 8;
const MAX_CLIENT_ID = 0xffffffff;

/**
 * Decodes an awareness update (varUint count, then per entry varUint clientID, varUint clock and
 * a JSON string) and checks every field, so nothing malformed reaches the shared Awareness.
 */
export function decodeAwarenessUpdate(bytes: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(decoder);
    if (count < 1 || count > MAX_ENTRIES) throw new Error("entry count");
    const entries: AwarenessEntry[] = [];
    for (let index = 0; index < count; index += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (clientId > MAX_CLIENT_ID) throw new Error("client id");
      if (state !== null && (typeof state !== "object" || Array.isArray(state))) throw new Error("state");
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
    return entries;
  } catch {
    throw new CollabFault("invalid_message", "The bytes are not a valid awareness update.");
  }
}

/** Encodes entries in the y-protocols awareness format. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Replaces whatever `user` a client claimed with the identity from its session: names and
 * colours shown beside carets cannot be forged.
 */
export function stampIdentity(entries: readonly AwarenessEntry[], identity: CollabIdentity): AwarenessEntry[] {
  return entries.map((entry) =>
    entry.state === null ? entry : { ...entry, state: { ...entry.state, user: { ...identity } } },
  );
}
