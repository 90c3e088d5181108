import { io, type Socket } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { flushDocumentContent } from "../../collab/store-document-content";
import { appendParagraph, syncStep1, updateMessage } from "../../collab/testing/collab-test-helpers";
import type { SocketRule } from "../authorization-matrix";
import type { SocketOutcome } from "../matrix-outcomes";
import type { Credentials } from "./matrix-world";

type Ack = { ok: true; readOnly?: boolean } | { ok: false; error: { code: string } };

/** A connection to `namespace`, or the `connect_error` message that refused it. */
export async function connectAs(
  url: string,
  namespace: string,
  credentials: Credentials,
): Promise<{ socket: Socket } | { connectError: string }> {
  const socket = io(`${url}${namespace}`, {
    transports: ["websocket"],
    parser: msgpackParser,
    auth: credentials.token ? { token: credentials.token } : {},
    extraHeaders: credentials.token ? {} : credentials.headers,
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket }));
    socket.once("connect_error", (error) => {
      socket.close();
      resolve({ connectError: error.message });
    });
  });
}

function fromAck(ack: Ack): SocketOutcome {
  if (!ack.ok) return { allowed: false, error: ack.error.code };
  return ack.readOnly === undefined ? { allowed: true } : { allowed: true, readOnly: ack.readOnly };
}

const emit = (socket: Socket, event: string, ...args: unknown[]) =>
  socket.timeout(5000).emitWithAck(event, ...args) as Promise<Ack>;

/** The shared things a socket cell acts on. */
export interface SocketScene {
  documentId: string;
  workspaceId: string;
  /** An owner's connection that joined the document and collects the presence it is sent. */
  observer: { socket: Socket; awareness: awarenessProtocol.Awareness };
}

/** Joins `documentId` with `socket` (whatever the answer) and returns the join ack. */
function join(socket: Socket, documentId: string): Promise<Ack> {
  return emit(socket, "doc:join", { documentId });
}

/**
 * Presence: accepted when the observer receives this connection's awareness state, refused when
 * the sender gets a `doc:error` instead, whichever comes first.
 */
function sendPresence(socket: Socket, scene: SocketScene): Promise<SocketOutcome> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ cursor: null });
  const clientId = awareness.clientID;
  return new Promise((resolve, reject) => {
    const finish = (outcome: SocketOutcome) => {
      clearTimeout(timer);
      scene.observer.socket.off("doc:awareness", onPresence);
      socket.off("doc:error", onError);
      resolve(outcome);
    };
    const onPresence = () => {
      if (scene.observer.awareness.getStates().has(clientId)) finish({ allowed: true });
    };
    const onError = (documentId: string | null, error: { code: string }) => {
      if (documentId === scene.documentId) finish({ allowed: false, error: error.code });
    };
    const timer = setTimeout(() => reject(new Error("presence neither relayed nor refused within 5 s")), 5000);
    scene.observer.socket.on("doc:awareness", onPresence);
    socket.on("doc:error", onError);
    socket.emit("doc:awareness", scene.documentId, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
  });
}

/** Sends a rule's event as the owner of `socket` would, and returns what the server answered. */
export async function runSocketEvent(rule: SocketRule, socket: Socket, scene: SocketScene): Promise<SocketOutcome> {
  const { documentId, workspaceId } = scene;
  switch (`${rule.event} ${rule.case ?? ""}`.trim()) {
    case "connect":
      return { allowed: true };
    case "doc:join":
      return fromAck(await join(socket, documentId));
    case "doc:leave":
      await join(socket, documentId);
      return fromAck(await emit(socket, "doc:leave", { documentId }));
    case "doc:sync sync step 1":
      await join(socket, documentId);
      return fromAck(await emit(socket, "doc:sync", documentId, syncStep1(new Y.Doc())));
    case "doc:sync update": {
      await join(socket, documentId);
      // An edit of a document of its own: it depends on nothing the server lacks.
      const doc = new Y.Doc();
      appendParagraph(doc, "Rail traffic resumed at Tumangang.");
      const outcome = fromAck(await emit(socket, "doc:sync", documentId, updateMessage(Y.encodeStateAsUpdate(doc))));
      // The derived copy is saved a moment after the ack: write it now, or it lands during the
      // next row's refused calls and reads as a change they made.
      await flushDocumentContent(documentId);
      return outcome;
    }
    case "doc:awareness":
      await join(socket, documentId);
      return sendPresence(socket, scene);
    case "library:watch":
      return fromAck(await emit(socket, "library:watch", { workspaceId }));
    case "library:unwatch":
      return fromAck(await emit(socket, "library:unwatch", { workspaceId }));
    default:
      throw new Error(`no way to send ${rule.namespace} ${rule.event} ${rule.case ?? ""}: add it to socket-cells.ts`);
  }
}

/** The observer: an owner's connection joined to the document, applying every presence update it is sent. */
export async function observe(
  url: string,
  credentials: Credentials,
  documentId: string,
): Promise<SocketScene["observer"]> {
  const connection = await connectAs(url, "/collab", credentials);
  if (!("socket" in connection)) throw new Error(`observer refused: ${connection.connectError}`);
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  connection.socket.on("doc:awareness", (id: string, update: ArrayBuffer | Uint8Array) => {
    if (id === documentId) awarenessProtocol.applyAwarenessUpdate(awareness, new Uint8Array(update), "server");
  });
  const joined = await join(connection.socket, documentId);
  if (!joined.ok) throw new Error(`observer could not join: ${joined.error.code}`);
  return { socket: connection.socket, awareness };
}
