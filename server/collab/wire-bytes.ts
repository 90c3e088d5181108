/**
 * Bytes as the msgpack parser must see them. notepack.io encodes a Node Buffer as msgpack `bin`,
 * but any other typed array as an ext value holding its *whole underlying ArrayBuffer*: a
 * `subarray` (a chunk of a large sync message) would then carry the entire message, and browsers
 * would receive `[0, ArrayBuffer]` instead of bytes. A Buffer view over the same memory avoids
 * both without copying.
 */
export function toWireBytes(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
