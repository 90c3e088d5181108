import type { Socket } from "socket.io-client";
import type { CollabClientToServerEvents, CollabServerToClientEvents } from "./protocol";

/** A client's `/collab` socket, typed with the shared event maps. */
export type CollabClientSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

/**
 * Binary arguments as a Uint8Array. The msgpack parser's notepack.io 2.2 hands out a Buffer or an
 * ArrayBuffer under Node and an ArrayBuffer in browsers for msgpack `bin`; a typed array that is
 * not a Node Buffer is encoded as msgpack ext type 0, which the Node decoder turns back into an
 * ArrayBuffer but the browser decoder returns as `[0, ArrayBuffer]`. Null for anything else.
 */
export function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (Array.isArray(value) && value.length === 2 && value[0] === 0 && value[1] instanceof ArrayBuffer) {
    return new Uint8Array(value[1]);
  }
  return null;
}

/**
 * Bytes as they must be emitted. The browser build of the msgpack parser (notepack.io) encodes
 * only an ArrayBuffer as msgpack `bin`: a Uint8Array would go out as a map of its indexes, which
 * the server rightly refuses. So bytes travel as an ArrayBuffer of exactly their range (the Node
 * build encodes both the same way). Typed as the event maps declare binary arguments.
 */
export function toWire(bytes: Uint8Array): Uint8Array {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return buffer as unknown as Uint8Array;
}
