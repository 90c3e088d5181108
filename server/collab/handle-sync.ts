import { CollabFault, refuse } from "./collab-fault";
import { collabMetrics } from "./collab-metrics";
import type { CollabContext, CollabSocket, JoinedDocument } from "./collab-types";
import { readDocumentId, readMessageBytes, takeAck } from "./inbound-args";
import { decodeSyncMessage, encodeSyncStep1, sendSync } from "./sync-messages";
import { toWireBytes } from "./wire-bytes";

/**
 * `doc:sync`: a y-protocols sync message. Step 1 is answered with the missing part of the
 * document and acked at once. Step 2 and updates pass the validity gate, are refused for
 * read-only roles (never applied, stored or broadcast), are applied and broadcast, and are
 * acked only after their row is committed.
 */
export function handleSync(ctx: CollabContext, socket: CollabSocket, args: unknown[]): void {
  const ack = takeAck(args);
  const documentId = readDocumentId(args[0]);
  try {
    const joined = joinedDocument(socket, documentId);
    const message = decodeSyncMessage(readMessageBytes(args[1], ctx.config.maxMessageBytes));
    if (message.type === "step1") {
      sendSync(socket, joined.documentId, joined.live.syncStep2(message.stateVector), ctx.config.syncChunkBytes);
      ack?.({ ok: true });
      return;
    }
    collabMetrics().updatesIn.inc();
    if (joined.readOnly) {
      // An empty step 2 (a read-only client answering out of habit) changes nothing: fine.
      if (!isEmptyUpdate(message.decoded)) throw new CollabFault("forbidden");
      ack?.({ ok: true });
      return;
    }
    // Refused rather than applied: a client keeps unacknowledged updates and resends them to
    // whichever process it reconnects to.
    if (ctx.closing) throw new CollabFault("not_saved", "The server is shutting down; reconnect and resend.");
    let saved: Promise<void>;
    try {
      saved = joined.live.applyClientUpdate(message.update, message.decoded, socket.id, socket.data.actor.id);
    } catch (error) {
      // The client has what this process lacks (e.g. it reconnected here before the relay
      // delivered an update): ask for everything, before the refusal, on the same connection.
      if (error instanceof CollabFault && error.code === "out_of_sync") {
        socket.emit("doc:sync", joined.documentId, toWireBytes(encodeSyncStep1(joined.live.doc)));
      }
      throw error;
    }
    saved.then(
      () => ack?.({ ok: true }),
      (error: unknown) => refuse(socket, joined.documentId, error, ack),
    );
  } catch (error) {
    refuse(socket, documentId, error, ack);
  }
}

/** The document a `doc:sync`/`doc:awareness` names, which the connection must have joined. */
export function joinedDocument(socket: CollabSocket, documentId: string | null): JoinedDocument {
  if (documentId === null) throw new CollabFault("invalid_payload");
  const joined = socket.data.collab?.joined.get(documentId);
  if (!joined) throw new CollabFault("not_joined");
  return joined;
}

function isEmptyUpdate(decoded: { structs: unknown[]; ds: { clients: Map<number, unknown[]> } }): boolean {
  return decoded.structs.length === 0 && [...decoded.ds.clients.values()].every((ranges) => ranges.length === 0);
}
