import { randomUUID } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CollabFault } from "./collab-fault";
import type { CollabSocket } from "./collab-types";
import { toWireBytes } from "./wire-bytes";

/** A y-protocols sync message that passed the validity gate. */
export type SyncMessage =
  | { type: "step1"; stateVector: Uint8Array }
  | { type: "step2" | "update"; update: Uint8Array; decoded: ReturnType<typeof Y.decodeUpdate> };

/**
 * The validity gate: decodes a y-protocols sync message completely before anything touches a
 * live document. The envelope must be exactly one message (no trailing bytes) and its payload a
 * well-formed state vector or Yjs update. `Y.decodeUpdate` parses every struct and the delete set
 * on a throw-away reader, so truncated or garbled bytes fail here, not half-way through
 * `Y.applyUpdate` on the shared document (which integrates structs before it reads the delete set).
 */
export function decodeSyncMessage(bytes: Uint8Array): SyncMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
    switch (type) {
      case syncProtocol.messageYjsSyncStep1:
        checkStateVector(payload);
        return { type: "step1", stateVector: payload };
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const decoded = Y.decodeUpdate(payload);
        checkCausalOrder(decoded);
        return { type: type === syncProtocol.messageYjsUpdate ? "update" : "step2", update: payload, decoded };
      }
      default:
        throw new Error(`unknown sync message type ${type}`);
    }
  } catch (error) {
    if (error instanceof CollabFault) throw error;
    throw new CollabFault("invalid_message");
  }
}

/**
 * Throws unless every item refers only to earlier changes of its own client: its origin, right
 * origin and parent existed when it was made, so one by the same client has a smaller clock. Yjs
 * never writes anything else, and integrating it trusts that: an item pointing at itself or a
 * later item of its client is looked up before it exists, and `Y.applyUpdate` throws half-way,
 * after the structs before it changed the document (found by `npm run chaos:fuzz`).
 */
function checkCausalOrder(decoded: ReturnType<typeof Y.decodeUpdate>): void {
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    for (const ref of [struct.origin, struct.rightOrigin, parent]) {
      if (ref && ref.client === client && ref.clock >= clock) throw new Error("reference to a later change");
    }
  }
}

/** Throws unless `bytes` is exactly one encoded state vector. */
export function checkStateVector(bytes: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(bytes);
    const entries = decoding.readVarUint(decoder);
    for (let index = 0; index < entries; index += 1) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
    }
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
  } catch {
    throw new CollabFault("invalid_message", "The bytes are not a valid state vector.");
  }
}

/** Sync step 1: "here is my state vector, send me what I miss". */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: everything in `doc` missing from `stateVector` (the whole document without one). */
export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/**
 * Sync step 2 carrying a stored update as it is (a snapshot read from the database), without
 * rebuilding a document to encode it again.
 */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An incremental update message. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Sends a sync message to one connection, split into `doc:sync-chunk` pieces when it is larger
 * than `chunkBytes`: one huge frame would hold the socket (and the client's parser) for its whole
 * length and can exceed proxies' frame limits. Pieces of one message share an id; the client
 * reassembles them in index order and handles the result as a `doc:sync`.
 */
export function sendSync(socket: CollabSocket, documentId: string, message: Uint8Array, chunkBytes: number): void {
  if (message.byteLength <= chunkBytes) {
    socket.emit("doc:sync", documentId, toWireBytes(message));
    return;
  }
  const id = randomUUID();
  const count = Math.ceil(message.byteLength / chunkBytes);
  for (let index = 0; index < count; index += 1) {
    const bytes = message.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    socket.emit("doc:sync-chunk", documentId, { id, index, count, bytes: toWireBytes(bytes) });
  }
}
