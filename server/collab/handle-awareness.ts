import { decodeAwarenessUpdate, stampIdentity } from "./awareness-messages";
import { refuse } from "./collab-fault";
import { collabMetrics } from "./collab-metrics";
import type { CollabContext, CollabSocket } from "./collab-types";
import { joinedDocument } from "./handle-sync";
import { readDocumentId, readMessageBytes, takeAck } from "./inbound-args";

/**
 * `doc:awareness`: a y-protocols awareness update (carets, selections, who is here). Every role
 * may send presence. The `user` field of each state is replaced with the session's identity
 * before the update is applied and broadcast, so names and colours cannot be forged.
 */
export function handleAwareness(ctx: CollabContext, socket: CollabSocket, args: unknown[]): void {
  // Awareness has no ack in the protocol, but a client that asks for one gets an answer.
  const ack = takeAck(args);
  const documentId = readDocumentId(args[0]);
  try {
    const joined = joinedDocument(socket, documentId);
    const bytes = readMessageBytes(args[1], ctx.config.maxMessageBytes);
    collabMetrics().awarenessIn.inc();
    const state = socket.data.collab;
    if (!state) return;
    const entries = stampIdentity(decodeAwarenessUpdate(bytes), state.identity);
    joined.live.presence.applyClient(entries, socket.id, joined.awarenessClients);
    ack?.({ ok: true });
  } catch (error) {
    refuse(socket, documentId, error, ack);
  }
}
