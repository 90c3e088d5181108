import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { io, type Socket } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { CollabClientToServerEvents, CollabServerToClientEvents } from "@/lib/collab/protocol";
import { documentToContent } from "@/lib/editor/document-content";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";

type ClientSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

/** Origin of transactions applied from the server: they are not sent back. */
const FROM_SERVER = Symbol("from-server");

/** One edit a chaos client made: a unique marker word, and the Yjs clocks its insert took. */
export interface ChaosEdit {
  marker: string;
  clock: number;
  end: number;
  /** The server acknowledged a message carrying this edit: it must survive any crash. */
  acked: boolean;
}

/** One document as a chaos client holds it; the Y.Doc outlives every connection. */
export interface ChaosDocument {
  id: string;
  doc: Y.Doc;
  edits: ChaosEdit[];
  /** The connection whose join was accepted (updates are sent on it), or null while offline. */
  joined: ClientSocket | null;
  /** The connection whose initial sync this client has answered (resent what the server lacked). */
  synced: ClientSocket | null;
}

/**
 * A browser tab as far as durability goes: it keeps typing while disconnected, keeps its Y.Doc
 * across reconnections, and on every rejoin answers the server's step 1 with everything the
 * server lacks, which re-sends the edits a crash took from the server. An edit counts as
 * acknowledged when the server acked any message that carried it (its own update, or a step 2
 * sent after the server's state vector showed the edit missing).
 */
export class ChaosClient {
  readonly documents = new Map<string, ChaosDocument>();
  /** Refusal codes from acks and `doc:error`, with counts. */
  readonly refusals = new Map<string, number>();
  private socket: ClientSocket | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  /** Messages sent on the current connection and not answered yet. */
  private pendingAcks = 0;
  private nextEdit = 0;
  private editing: ChaosEdit | null = null;

  constructor(
    /** Prefix of this client's markers, e.g. `c07`. */
    readonly name: string,
    private readonly token: string,
    documentIds: string[],
  ) {
    for (const id of documentIds) {
      const entry: ChaosDocument = { id, doc: new Y.Doc(), edits: [], joined: null, synced: null };
      entry.doc.on("update", (update: Uint8Array, origin: unknown) => {
        const socket = entry.joined;
        if (origin === FROM_SERVER || !socket?.connected) return;
        const encoder = encoding.createEncoder();
        syncProtocol.writeUpdate(encoder, update);
        this.send(socket, entry, encoding.toUint8Array(encoder), this.editing ? [this.editing] : []);
      });
      this.documents.set(id, entry);
    }
  }

  /** Whether every document is joined and synced on a live connection. */
  get isSynced(): boolean {
    const socket = this.socket;
    if (!socket?.connected) return false;
    return [...this.documents.values()].every((entry) => entry.synced === socket);
  }

  /**
   * Synced, and every message of the current connection answered: everything the server holds
   * from this client is then committed. (An edit whose ack a kill swallowed is not re-sent when
   * the new server already has it, so "every edit acked" is not a state a client can reach.)
   */
  get isSettled(): boolean {
    return this.isSynced && this.pendingAcks === 0;
  }

  /**
   * Opens a new connection (dropping any previous one) and joins every document with its state
   * vector; resolves false when the server cannot be reached. Joins complete in the background.
   * Like a browser tab, the client keeps retrying (0.3–1 s apart) whenever the connection drops
   * or cannot be made, until `close()`.
   */
  async connect(url: string): Promise<boolean> {
    clearTimeout(this.retry);
    const previous = this.socket;
    this.socket = null;
    previous?.disconnect();
    if (this.closed) return false;
    const socket: ClientSocket = io(`${url}/collab`, {
      transports: ["websocket"],
      parser: msgpackParser,
      auth: { token: this.token },
      reconnection: false,
      forceNew: true,
      timeout: 5000,
    });
    this.socket = socket;
    this.pendingAcks = 0;
    this.listen(socket, url);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
        socket.once("disconnect", () => reject(new Error("disconnected")));
      });
    } catch {
      if (socket === this.socket) this.reconnectLater(url);
      return false;
    }
    for (const entry of this.documents.values()) {
      socket.emit("doc:join", { documentId: entry.id, stateVector: Y.encodeStateVector(entry.doc) }, (answer) => {
        if (answer.ok) entry.joined = socket;
        else this.count(answer.error.code);
      });
    }
    return true;
  }

  /** Types one marker word into the document, online or not. */
  edit(documentId: string, random: () => number): void {
    const entry = this.documents.get(documentId);
    if (!entry) throw new Error(`${this.name} has not joined ${documentId}`);
    const { doc } = entry;
    const marker = `${this.name}e${String(this.nextEdit++).padStart(5, "0")}`;
    const edit: ChaosEdit = { marker, clock: Y.getState(doc.store, doc.clientID), end: 0, acked: false };
    entry.edits.push(edit);
    this.editing = edit;
    try {
      doc.transact(() => insertWord(doc, `${marker} `, random));
    } finally {
      this.editing = null;
    }
    edit.end = Y.getState(doc.store, doc.clientID);
  }

  /** Asks the server for everything this client lacks; resolves once it has arrived. */
  async catchUp(documentId: string): Promise<void> {
    const entry = this.documents.get(documentId);
    const socket = this.socket;
    if (!entry || !socket) throw new Error(`${this.name} is not connected`);
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, entry.doc);
    // The server sends its step 2 before this ack, on the same connection.
    const result = await socket.timeout(10_000).emitWithAck("doc:sync", documentId, encoding.toUint8Array(encoder));
    if (!result.ok) throw new Error(`${this.name}: catch-up refused (${result.error.code})`);
  }

  /** Plain text of the document as the editor shows it. */
  text(documentId: string): string {
    const entry = this.documents.get(documentId);
    return entry ? documentToContent(entry.doc).text : "";
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.socket?.disconnect();
    this.socket = null;
  }

  private reconnectLater(url: string): void {
    clearTimeout(this.retry);
    if (!this.closed) this.retry = setTimeout(() => void this.connect(url), 300 + Math.random() * 700);
  }

  private listen(socket: ClientSocket, url: string): void {
    const chunks = new Map<string, Uint8Array[]>();
    socket.on("doc:sync", (documentId, message) => this.receiveSync(socket, documentId, new Uint8Array(message)));
    socket.on("doc:sync-chunk", (documentId, chunk) => {
      const parts = chunks.get(chunk.id) ?? [];
      parts[chunk.index] = new Uint8Array(chunk.bytes);
      chunks.set(chunk.id, parts);
      if (parts.filter(Boolean).length < chunk.count) return;
      chunks.delete(chunk.id);
      this.receiveSync(socket, documentId, Buffer.concat(parts));
    });
    socket.on("doc:error", (_documentId, error) => this.count(error.code));
    socket.on("disconnect", () => {
      for (const entry of this.documents.values()) {
        if (entry.joined === socket) entry.joined = null;
        if (entry.synced === socket) entry.synced = null;
      }
      if (socket === this.socket) this.reconnectLater(url);
    });
  }

  private receiveSync(socket: ClientSocket, documentId: string, message: Uint8Array): void {
    const entry = this.documents.get(documentId);
    if (!entry || socket !== this.socket) return;
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) {
      syncProtocol.readSyncMessage(decoding.createDecoder(message), encoding.createEncoder(), entry.doc, FROM_SERVER);
      return;
    }
    // The server's state vector says which of our edits it lacks (lost in a crash, or typed
    // offline): the step 2 answer carries exactly those, so its ack acknowledges them.
    const stateVector = decoding.readVarUint8Array(decoder);
    const known = Y.decodeStateVector(stateVector).get(entry.doc.clientID) ?? 0;
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep2(encoder, entry.doc, stateVector);
    const carried = entry.edits.filter((edit) => edit.end > known);
    this.send(socket, entry, encoding.toUint8Array(encoder), carried);
    entry.synced = socket;
  }

  private send(socket: ClientSocket, entry: ChaosDocument, message: Uint8Array, carried: ChaosEdit[]): void {
    if (socket === this.socket) this.pendingAcks += 1;
    socket.emit("doc:sync", entry.id, message, (result) => {
      if (socket === this.socket) this.pendingAcks -= 1;
      if (!result.ok) return this.count(result.error.code);
      for (const edit of carried) edit.acked = true;
    });
  }

  private count(code: string): void {
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
  }
}

/**
 * Inserts `word` where it cannot split another client's word: at the start of a random paragraph
 * or right after a space in it, or (one time in five) as a new paragraph at a random place.
 */
function insertWord(doc: Y.Doc, word: string, random: () => number): void {
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  const paragraph = fragment.length > 0 ? fragment.get(Math.floor(random() * fragment.length)) : null;
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (random() < 0.2 || !(text instanceof Y.XmlText)) {
    const created = new Y.XmlElement("paragraph");
    created.insert(0, [new Y.XmlText(word)]);
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [created]);
    return;
  }
  const current = text.toString();
  const offsets = [0];
  for (let index = 1; index <= current.length; index += 1) if (current[index - 1] === " ") offsets.push(index);
  text.insert(offsets[Math.floor(random() * offsets.length)] ?? 0, word);
}
