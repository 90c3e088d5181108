import { performance } from "node:perf_hooks";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { io, type Socket } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { CollabClientToServerEvents, CollabServerToClientEvents } from "@/lib/collab/protocol";
import { ClientInbox } from "./client-inbox";
import { FROM_SERVER, type JoinedDocument, type JoinOptions, type PeerConnection } from "./client-types";

type ClientSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

/** One joined document as a bench client holds it; `ackMs` times each update to its commit. */
export type BenchDocument = JoinedDocument;

/**
 * A lean collaboration client, as a browser tab speaks the protocol (docs/protocol.md): y-protocols
 * sync over `doc:sync`, chunk reassembly, optional presence. Unlike the test client it can go
 * without presence, so a thousand connections in one document do not turn into a million
 * awareness messages that would measure something else.
 */
export class BenchClient {
  readonly documents = new Map<string, BenchDocument>();
  private readonly chunks = new Map<string, Uint8Array[]>();
  private readonly syncWaiters = new Map<string, () => void>();
  private readonly inboxes = new Map<string, ClientInbox>();

  private constructor(readonly socket: ClientSocket) {
    socket.on("doc:sync", (documentId, message) => this.incomingSync(documentId, new Uint8Array(message)));
    socket.on("doc:sync-chunk", (documentId, chunk) => {
      const parts = this.chunks.get(chunk.id) ?? [];
      parts[chunk.index] = new Uint8Array(chunk.bytes);
      this.chunks.set(chunk.id, parts);
      if (parts.filter(Boolean).length < chunk.count) return;
      this.chunks.delete(chunk.id);
      this.incomingSync(documentId, Buffer.concat(parts));
    });
    socket.on("doc:awareness", (documentId, update) => {
      this.inboxes.get(documentId)?.deliver(false, () => {
        const awareness = this.documents.get(documentId)?.awareness;
        if (awareness) awarenessProtocol.applyAwarenessUpdate(awareness, new Uint8Array(update), FROM_SERVER);
      });
    });
  }

  /** Connects to `${url}/collab` with an API token. */
  static async connect(url: string, token: string): Promise<BenchClient> {
    const socket: ClientSocket = io(`${url}/collab`, {
      transports: ["websocket"],
      parser: msgpackParser,
      auth: { token },
      reconnection: false,
      forceNew: true,
      timeout: 60_000,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return new BenchClient(socket);
  }

  /** Joins a document; resolves once the initial sync (step 2, then step 1) has arrived. */
  async join(documentId: string, options: JoinOptions): Promise<BenchDocument> {
    this.inboxes.set(documentId, new ClientInbox(options));
    const doc = new Y.Doc();
    const awareness = options.presence ? new awarenessProtocol.Awareness(doc) : null;
    const entry: BenchDocument = { doc, awareness, ackMs: [], refusals: [] };
    this.documents.set(documentId, entry);
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      this.send(documentId, entry, encoding.toUint8Array(encoder));
    });
    awareness?.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      const clients = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      this.socket.emit("doc:awareness", documentId, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
    });
    const synced = new Promise<void>((resolve) => this.syncWaiters.set(documentId, resolve));
    const answer = await this.socket.timeout(60_000).emitWithAck("doc:join", { documentId });
    if (!answer.ok) throw new Error(`join refused: ${answer.error.code}`);
    await synced;
    // What a tab does once the editor is up: announce its (server-stamped) presence.
    awareness?.setLocalState({ user: answer.user, cursor: null });
    return entry;
  }

  close(): void {
    for (const { awareness, doc } of this.documents.values()) {
      awareness?.destroy();
      doc.destroy();
    }
    this.socket.disconnect();
  }

  private send(documentId: string, entry: BenchDocument, message: Uint8Array): void {
    const sentAt = performance.now();
    const index = entry.ackMs.length;
    entry.ackMs.push(Number.NaN);
    this.socket.emit("doc:sync", documentId, message, (result) => {
      if (result.ok) entry.ackMs[index] = performance.now() - sentAt;
      else entry.refusals.push(result.error.code);
    });
  }

  private incomingSync(documentId: string, message: Uint8Array): void {
    const isState = decoding.readVarUint(decoding.createDecoder(message)) === syncProtocol.messageYjsSyncStep2;
    this.inboxes.get(documentId)?.deliver(isState, () => this.receiveSync(documentId, message));
  }

  private receiveSync(documentId: string, message: Uint8Array): void {
    const entry = this.documents.get(documentId);
    if (!entry) return;
    const encoder = encoding.createEncoder();
    const type = syncProtocol.readSyncMessage(decoding.createDecoder(message), encoder, entry.doc, FROM_SERVER);
    // The server's step 1 closes the initial sync; our answer (step 2) is empty but expected.
    if (encoding.length(encoder) > 0) this.socket.emit("doc:sync", documentId, encoding.toUint8Array(encoder));
    if (type === syncProtocol.messageYjsSyncStep1) {
      this.syncWaiters.get(documentId)?.();
      this.syncWaiters.delete(documentId);
    }
  }
}

/** One document of one connection to our server, as the peer-neutral workloads use it. */
export class ParallaxConnection implements PeerConnection {
  constructor(
    private readonly client: BenchClient,
    private readonly documentId: string,
  ) {}

  join(options: JoinOptions): Promise<JoinedDocument> {
    return this.client.join(this.documentId, options);
  }

  close(): void {
    this.client.close();
  }
}
