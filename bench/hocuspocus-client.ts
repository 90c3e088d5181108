import { performance } from "node:perf_hooks";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { ClientInbox } from "./client-inbox";
import { FROM_SERVER, type JoinedDocument, type JoinOptions, type PeerConnection, presenceState } from "./client-types";

/** Hocuspocus message types (`@hocuspocus/server` src/types.ts, 4.7.0). */
const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncReply: 4, close: 7, syncStatus: 8 } as const;
/** Sub-types of an auth message (`@hocuspocus/common` auth.ts). */
const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

/**
 * A thin Hocuspocus client speaking its wire format as `@hocuspocus/provider` does: every frame
 * starts with the document name (lib0 var-string) and a message type; the payload of sync and
 * awareness messages is y-protocols'. The provider first sends an auth message with its token
 * (the server queues everything else until `onAuthenticate` passed), then sync step 1 and its
 * awareness; the document is synced when the server's step 2 arrived. The server answers each
 * step 2 and update with `SyncStatus` once applied in memory, which is this client's ack.
 */
export class HocuspocusConnection implements PeerConnection {
  private readonly doc = new Y.Doc();
  private awareness: awarenessProtocol.Awareness | null = null;
  private inbox: ClientInbox | null = null;
  private readonly ackMs: number[] = [];
  private readonly refusals: string[] = [];
  /** Messages awaiting a SyncStatus, in send order; index -1 = not timed (our step 2). */
  private readonly awaitingStatus: { index: number; sentAt: number }[] = [];
  private authenticated: ((error?: Error) => void) | undefined;
  private synced: (() => void) | undefined;

  private constructor(
    private readonly socket: WebSocket,
    private readonly name: string,
    private readonly token: string,
    private readonly index: number,
  ) {
    socket.on("message", (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  }

  /** Opens the WebSocket (Hocuspocus serves every path). */
  static async connect(url: string, name: string, token: string, index: number): Promise<HocuspocusConnection> {
    const socket = new WebSocket(url.replace(/^http/, "ws"), { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return new HocuspocusConnection(socket, name, token, index);
  }

  async join(options: JoinOptions): Promise<JoinedDocument> {
    this.inbox = new ClientInbox(options);
    const { doc } = this;
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      this.awaitingStatus.push({ index: this.ackMs.push(Number.NaN) - 1, sentAt: performance.now() });
      this.send(MESSAGE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
    });
    const authenticated = new Promise<void>((resolve, reject) => {
      this.authenticated = (error) => (error ? reject(error) : resolve());
    });
    this.send(MESSAGE.auth, (encoder) => {
      encoding.writeVarUint(encoder, AUTH.token);
      encoding.writeVarString(encoder, this.token);
    });
    await authenticated;
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
      awareness.setLocalState(presenceState(this.index));
    }
    await synced;
    return { doc, awareness: this.awareness, ackMs: this.ackMs, refusals: this.refusals };
  }

  close(): void {
    this.awareness?.destroy();
    this.doc.destroy();
    this.socket.close();
  }

  private send(type: number, write: (encoder: encoding.Encoder) => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.name);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  private receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    // Auth answers are never held: the join waits for them before it asks for the document.
    if (!this.inbox || type === MESSAGE.auth) {
      this.handle(data);
      return;
    }
    const isSync = type === MESSAGE.sync || type === MESSAGE.syncReply;
    const isState = isSync && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2;
    this.inbox.deliver(isState, () => this.handle(data));
  }

  private handle(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync || type === MESSAGE.syncReply) {
      const reply = encoding.createEncoder();
      encoding.writeVarString(reply, this.name);
      encoding.writeVarUint(reply, MESSAGE.sync);
      const empty = encoding.length(reply);
      const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER);
      if (encoding.length(reply) > empty && this.socket.readyState === WebSocket.OPEN) {
        // Our step 2 (the answer to the server's step 1) is acknowledged like an update.
        this.awaitingStatus.push({ index: -1, sentAt: performance.now() });
        this.socket.send(encoding.toUint8Array(reply));
      }
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced?.();
    } else if (type === MESSAGE.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      if (this.awareness) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_SERVER);
    } else if (type === MESSAGE.auth) {
      const authType = decoding.readVarUint(decoder);
      if (authType === AUTH.authenticated) this.authenticated?.();
      else if (authType === AUTH.permissionDenied) this.authenticated?.(new Error(decoding.readVarString(decoder)));
    } else if (type === MESSAGE.syncStatus) {
      const applied = decoding.readVarUint(decoder) === 1;
      const entry = this.awaitingStatus.shift();
      if (!applied) this.refusals.push("not applied");
      else if (entry && entry.index >= 0) this.ackMs[entry.index] = performance.now() - entry.sentAt;
    } else if (type === MESSAGE.close) {
      process.stderr.write(`[bench] hocuspocus closed ${this.name}: ${decoding.readVarString(decoder)}\n`);
    }
  }
}
