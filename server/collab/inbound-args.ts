import { z } from "zod";
import type { Ack } from "@/lib/collab/protocol";
import { isUuid } from "../policies/require-membership";
import { CollabFault } from "./collab-fault";

// Socket.io hands handlers whatever the client encoded: any number of arguments of any type.
// Nothing here trusts the declared event types; every value is checked before use.

/**
 * Binary arguments as a Uint8Array. The msgpack parser yields a Buffer under Node's build of
 * notepack and an ArrayBuffer under its browser build (which bundlers and vitest may pick).
 */
export function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (!(value instanceof Uint8Array)) return null;
  // A Buffer from the parser is a view into the whole frame. lib0 reads lengths with
  // `new Uint8Array(buffer, offset, length)`, which only throws past the end of the underlying
  // ArrayBuffer: a truncated message would read the frame's next bytes instead of failing. A
  // copy makes the message's end the buffer's end.
  return value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : new Uint8Array(value);
}

const bytes = z.custom<Uint8Array | ArrayBuffer>((value) => toBytes(value) !== null, "must be binary");

const joinPayload = z.object({ documentId: z.string().max(64), stateVector: bytes.optional() });
const leavePayload = z.object({ documentId: z.string().max(64) });

/** The last argument when it is a function: Socket.io's acknowledgement callback. */
export function takeAck<T = Record<never, never>>(args: unknown[]): Ack<T> | undefined {
  const last = args.at(-1);
  return typeof last === "function" ? (last as Ack<T>) : undefined;
}

/** The `doc:join` payload; a document id that cannot exist is simply `not_found`. */
export function parseJoinPayload(value: unknown): { documentId: string; stateVector?: Uint8Array } {
  const result = joinPayload.safeParse(value);
  if (!result.success) throw new CollabFault("invalid_payload");
  if (!isUuid(result.data.documentId)) throw new CollabFault("not_found");
  const stateVector =
    result.data.stateVector === undefined ? undefined : (toBytes(result.data.stateVector) ?? undefined);
  return { documentId: result.data.documentId.toLowerCase(), stateVector };
}

/** The `doc:leave` payload. */
export function parseLeavePayload(value: unknown): { documentId: string } {
  const result = leavePayload.safeParse(value);
  if (!result.success) throw new CollabFault("invalid_payload");
  return { documentId: result.data.documentId.toLowerCase() };
}

/** A document id argument of `doc:sync` / `doc:awareness`; null when it is not even a string. */
export function readDocumentId(value: unknown): string | null {
  return typeof value === "string" && value.length <= 64 ? value.toLowerCase() : null;
}

/** A binary message argument, checked against the configured size limit. */
export function readMessageBytes(value: unknown, maxBytes: number): Uint8Array {
  const bytes = toBytes(value);
  if (!bytes) throw new CollabFault("invalid_payload");
  if (bytes.byteLength > maxBytes) {
    throw new CollabFault("message_too_large", `Messages are limited to ${maxBytes} bytes.`);
  }
  if (bytes.byteLength === 0) throw new CollabFault("invalid_message");
  return bytes;
}
