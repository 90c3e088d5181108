import type { DocCloseReason } from "@/lib/collab/protocol";
import { refuse } from "./collab-fault";
import type { CollabContext, CollabSocket } from "./collab-types";
import { parseLeavePayload, takeAck } from "./inbound-args";

/**
 * Takes a connection out of a document: its presence disappears for everyone, it stops
 * receiving updates, and its hold on the document is released. With a `reason` the client is
 * told through `doc:closed` (access revoked, shutdown). Returns false when it was not joined.
 */
export function leaveDocument(
  ctx: CollabContext,
  socket: CollabSocket,
  documentId: string,
  reason?: DocCloseReason,
): boolean {
  const state = socket.data.collab;
  const joined = state?.joined.get(documentId);
  if (!state || !joined) return false;
  state.joined.delete(documentId);
  void socket.leave(joined.live.room);
  joined.live.presence.removeClients(joined.awarenessClients, socket.id);
  ctx.registry.release(documentId);
  if (reason) socket.emit("doc:closed", documentId, reason);
  return true;
}

/** `doc:leave` from the client. Leaving a document not joined is not an error. */
export function handleLeave(ctx: CollabContext, socket: CollabSocket, args: unknown[]): void {
  const ack = takeAck(args);
  try {
    const { documentId } = parseLeavePayload(args[0]);
    leaveDocument(ctx, socket, documentId);
    ack?.({ ok: true });
  } catch (error) {
    refuse(socket, null, error, ack);
  }
}

/** A disconnected connection leaves everything it had joined. */
export function leaveAllDocuments(ctx: CollabContext, socket: CollabSocket): void {
  for (const documentId of [...(socket.data.collab?.joined.keys() ?? [])]) leaveDocument(ctx, socket, documentId);
}
