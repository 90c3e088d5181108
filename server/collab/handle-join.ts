import type { JoinResult } from "@/lib/collab/protocol";
import { authorizeDocument } from "./authorize-document";
import { CollabFault, refuse } from "./collab-fault";
import type { CollabContext, CollabSocket, ConnectionState, JoinedDocument } from "./collab-types";
import { parseJoinPayload, takeAck } from "./inbound-args";
import type { LiveDocument } from "./live-document";
import { checkStateVector, encodeSyncStep1, sendSync } from "./sync-messages";
import { toWireBytes } from "./wire-bytes";

/**
 * `doc:join`: checks membership of the document's workspace, loads (or shares) the document,
 * answers with the caller's role and identity, then sends the initial sync (step 2, then step 1)
 * and presence.
 * Joining a document already joined refreshes the role and resends the sync.
 */
export async function handleJoin(ctx: CollabContext, socket: CollabSocket, args: unknown[]): Promise<void> {
  const ack = takeAck<JoinResult>(args);
  let documentId: string | null = null;
  try {
    const payload = parseJoinPayload(args[0]);
    documentId = payload.documentId;
    if (payload.stateVector) {
      if (payload.stateVector.byteLength > ctx.config.maxMessageBytes) throw new CollabFault("message_too_large");
      checkStateVector(payload.stateVector);
    }
    const state = connectionState(socket);
    const joined = await join(ctx, socket, state, documentId);
    if (!joined) return;
    ack?.({
      ok: true,
      readOnly: joined.readOnly,
      role: joined.role,
      user: state.identity,
      limits: { maxMessageBytes: ctx.config.maxMessageBytes, syncChunkBytes: ctx.config.syncChunkBytes },
    });
    sendInitialState(ctx, socket, joined.live, payload.stateVector);
  } catch (error) {
    refuse(socket, documentId, error, ack);
  }
}

async function join(
  ctx: CollabContext,
  socket: CollabSocket,
  state: ConnectionState,
  documentId: string,
): Promise<JoinedDocument | null> {
  if (state.joining.has(documentId)) throw new CollabFault("invalid_payload", "This document is already being joined.");
  const existing = state.joined.get(documentId);
  if (!existing && state.joined.size + state.joining.size >= ctx.config.maxDocumentsPerConnection) {
    throw new CollabFault("too_many_documents", `At most ${ctx.config.maxDocumentsPerConnection} documents at once.`);
  }
  state.joining.add(documentId);
  try {
    const access = await authorizeDocument({ actor: socket.data.actor, documentId });
    if (existing)
      return Object.assign(existing, { role: access.role, readOnly: access.readOnly, locked: access.locked });
    const live = await ctx.registry.acquire(documentId, access.workspaceId);
    if (socket.disconnected) {
      // The connection went away while the document loaded: nobody to hand it to.
      ctx.registry.release(documentId);
      return null;
    }
    const joined: JoinedDocument = { documentId, ...access, awarenessClients: new Set(), live };
    state.joined.set(documentId, joined);
    socket.join(live.room);
    return joined;
  } finally {
    state.joining.delete(documentId);
  }
}

function sendInitialState(
  ctx: CollabContext,
  socket: CollabSocket,
  live: LiveDocument,
  stateVector: Uint8Array | undefined,
): void {
  sendSync(socket, live.id, live.syncStep2(stateVector), ctx.config.syncChunkBytes);
  // Step 1 to every role, so every client sees the same sequence; a read-only client's answer is
  // accepted only when it is empty (see handle-sync.ts).
  socket.emit("doc:sync", live.id, toWireBytes(encodeSyncStep1(live.doc)));
  const presence = live.presence.encodeAll();
  if (presence) socket.emit("doc:awareness", live.id, toWireBytes(presence));
  if (!live.durable) socket.emit("doc:saved-state", live.id, { durable: false });
}

/** The connection's collaboration state (created when it connected). */
export function connectionState(socket: CollabSocket): ConnectionState {
  const state = socket.data.collab;
  if (!state) throw new CollabFault("unauthorized");
  return state;
}
