import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { io, type Socket } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type {
  CollabClientToServerEvents,
  CollabError,
  CollabServerToClientEvents,
  JoinResult,
} from "@/lib/collab/protocol";

export type ClientSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;
type AckResult = { ok: true } | { ok: false; error: CollabError };

/** Marks transactions that came from the server, so they are not sent back. */
const FROM_SERVER = Symbol("from-server");

/** One document as a test client holds it. */
export interface ClientDocument {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  join: JoinResult | null;
  /** Results of acks for this client's updates, in arrival order. */
  acks: AckResult[];
  /** Updates sent and not yet acknowledged. */
  unacked: number;
  /** Set false to keep local edits local (an offline client); they sync on the next join. */
  online: boolean;
  /** Waiters for `unacked` reaching zero. */
  idle: (() => void)[];
}

/**
 * A minimal collaboration client for tests (and the shape of the example in docs/protocol.md):
 * y-protocols sync over `doc:sync`, awareness over `doc:awareness`, chunk reassembly.
 */
export class CollabTestClient {
  readonly documents = new Map<string, ClientDocument>();
  readonly errors: { documentId: string | null; error: CollabError }[] = [];
  private readonly chunks = new Map<string, Uint8Array[]>();

  private constructor(readonly socket: ClientSocket) {
    socket.on("doc:sync", (documentId, message) => this.receiveSync(documentId, message));
    socket.on("doc:sync-chunk", (documentId, chunk) => {
      const parts = this.chunks.get(chunk.id) ?? [];
      parts[chunk.index] = new Uint8Array(chunk.bytes);
      this.chunks.set(chunk.id, parts);
      if (parts.filter(Boolean).length < chunk.count) return;
      this.chunks.delete(chunk.id);
      this.receiveSync(documentId, Buffer.concat(parts));
    });
    socket.on("doc:awareness", (documentId, update) => {
      const entry = this.documents.get(documentId);
      if (entry) awarenessProtocol.applyAwarenessUpdate(entry.awareness, new Uint8Array(update), FROM_SERVER);
    });
    socket.on("doc:error", (documentId, error) => this.errors.push({ documentId, error }));
  }

  /** Connects to `${url}/collab` with an API token (or extra headers, e.g. a session cookie). */
  static async connect(
    url: string,
    auth: { token?: string; headers?: Record<string, string> },
  ): Promise<CollabTestClient> {
    const socket: ClientSocket = io(`${url}/collab`, {
      transports: ["websocket"],
      parser: msgpackParser,
      auth: auth.token ? { token: auth.token } : {},
      extraHeaders: auth.headers,
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return new CollabTestClient(socket);
  }

  /** Joins a document; resolves with the join result once the initial sync has arrived. */
  async join(documentId: string, existing?: Y.Doc): Promise<ClientDocument> {
    const entry = this.documents.get(documentId) ?? this.track(documentId, existing ?? new Y.Doc());
    entry.online = true;
    const synced = this.nextSync(documentId);
    const result = await new Promise<{ ok: true } | { ok: false; error: CollabError }>((resolve) => {
      // A plain callback: the join result must be recorded before the sync messages right behind
      // it are handled (they may arrive in the same network read, before promise continuations).
      this.socket.emit("doc:join", { documentId, stateVector: Y.encodeStateVector(entry.doc) }, (answer) => {
        if (answer.ok) entry.join = answer;
        resolve(answer);
      });
    });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    await synced;
    return entry;
  }

  /** Sends an arbitrary `doc:sync` message and resolves with its ack. */
  sendSync(documentId: string, message: Uint8Array): Promise<AckResult> {
    return this.socket.timeout(10_000).emitWithAck("doc:sync", documentId, message) as Promise<AckResult>;
  }

  /** Resolves when every update this client sent for the document is acknowledged. */
  settled(documentId: string): Promise<void> {
    const entry = this.documents.get(documentId);
    if (!entry || entry.unacked === 0) return Promise.resolve();
    return new Promise((resolve) => entry.idle.push(resolve));
  }

  close(): void {
    this.socket.disconnect();
  }

  private track(documentId: string, doc: Y.Doc): ClientDocument {
    const awareness = new awarenessProtocol.Awareness(doc);
    const entry: ClientDocument = { doc, awareness, join: null, acks: [], unacked: 0, online: true, idle: [] };
    this.documents.set(documentId, entry);
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER || !entry.online) return;
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      this.sendTracked(documentId, entry, encoding.toUint8Array(encoder));
    });
    awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === FROM_SERVER || !entry.online) return;
      const clients = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      this.socket.emit("doc:awareness", documentId, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
    });
    return entry;
  }

  private sendTracked(documentId: string, entry: ClientDocument, message: Uint8Array): void {
    entry.unacked += 1;
    this.socket.emit("doc:sync", documentId, message, (result: AckResult) => {
      entry.unacked -= 1;
      entry.acks.push(result);
      if (entry.unacked === 0) for (const resolve of entry.idle.splice(0)) resolve();
    });
  }

  private receiveSync(documentId: string, message: Uint8Array): void {
    const entry = this.documents.get(documentId);
    if (!entry) return;
    const encoder = encoding.createEncoder();
    // A server step 1 is answered with step 2: the updates the server lacks (offline edits).
    const type = syncProtocol.readSyncMessage(
      decoding.createDecoder(new Uint8Array(message)),
      encoder,
      entry.doc,
      FROM_SERVER,
    );
    // A server step 1 is answered with step 2: the updates the server lacks (offline edits).
    if (encoding.length(encoder) > 0) this.sendTracked(documentId, entry, encoding.toUint8Array(encoder));
    // The server's step 1 is the last message of the initial sync.
    if (type === syncProtocol.messageYjsSyncStep1) this.syncWaiters.get(documentId)?.();
  }

  private readonly syncWaiters = new Map<string, () => void>();

  private nextSync(documentId: string): Promise<void> {
    return new Promise((resolve) => {
      this.syncWaiters.set(documentId, () => {
        this.syncWaiters.delete(documentId);
        resolve();
      });
    });
  }
}
