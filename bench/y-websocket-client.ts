import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { ClientInbox } from "./client-inbox";
import { FROM_SERVER, type JoinedDocument, type JoinOptions, type PeerConnection, presenceState } from "./client-types";

/** y-websocket message types (`@y/websocket-server` utils.js). */
const MESSAGE = { sync: 0, awareness: 1 } as const;

/**
 * A thin y-websocket client speaking its framing as the `y-websocket` provider does: one
 * connection per document (the name is the URL path), each frame a message type followed by a
 * y-protocols sync or awareness message. The server sends its sync step 1 (and the awareness
 * states) as soon as the socket opens, and the client answers it right away; joining sends the
 * client's step 1 and its awareness, and the document is synced when the server's step 2
 * arrived. The protocol has no acknowledgements.
 */
export class YWebsocketConnection implements PeerConnection {
  private readonly doc = new Y.Doc();
  private awareness: awarenessProtocol.Awareness | null = null;
  private inbox: ClientInbox | null = null;
  private synced: (() => void) | undefined;
  /** Awareness states the server sent before the client joined (it sends them on open). */
  private readonly earlyAwareness: Uint8Array[] = [];

  private constructor(
    private readonly socket: WebSocket,
    private readonly index: number,
  ) {
    socket.on("message", (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  }

  /** Opens the document's WebSocket; the server starts syncing at once. */
  static async connect(url: string, name: string, index: number): Promise<YWebsocketConnection> {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/${encodeURIComponent(name)}`, {
      perMessageDeflate: false,
    });
    // Listening before "open" resolves: the server's first frames may arrive in the same tick.
    const connection = new YWebsocketConnection(socket, index);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return connection;
  }

  async join(options: JoinOptions): Promise<JoinedDocument> {
    this.inbox = new ClientInbox(options);
    const { doc } = this;
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      this.send(MESSAGE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
    });
    const synced = new Promise<void>((resolve) => {
      this.synced = resolve;
    });
    this.send(MESSAGE.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, doc));
    if (options.presence) {
      const awareness = new awarenessProtocol.Awareness(doc);
      this.awareness = awareness;
      awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
        if (origin === FROM_SERVER) return;
        const clients = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
        const update = awarenessProtocol.encodeAwarenessUpdate(awareness, clients);
        this.send(MESSAGE.awareness, (encoder) => encoding.writeVarUint8Array(encoder, update));
      });
      for (const update of this.earlyAwareness.splice(0)) {
        awarenessProtocol.applyAwarenessUpdate(awareness, update, FROM_SERVER);
      }
      awareness.setLocalState(presenceState(this.index));
    }
    await synced;
    return { doc, awareness: this.awareness, ackMs: [], refusals: [] };
  }

  close(): void {
    this.awareness?.destroy();
    this.doc.destroy();
    this.socket.close();
  }

  private send(type: number, write: (encoder: encoding.Encoder) => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  private receive(data: Uint8Array): void {
    if (!this.inbox) {
      this.handle(data);
      return;
    }
    const decoder = decoding.createDecoder(data);
    const isState =
      decoding.readVarUint(decoder) === MESSAGE.sync &&
      decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2;
    this.inbox.deliver(isState, () => this.handle(data));
  }

  private handle(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE.sync);
      const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER);
      if (encoding.length(reply) > 1 && this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(encoding.toUint8Array(reply));
      }
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced?.();
    } else if (type === MESSAGE.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      if (this.awareness) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_SERVER);
      else if (!this.synced) this.earlyAwareness.push(update);
    }
  }
}
