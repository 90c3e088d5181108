import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { type ClientTarget, closeClients, connectClient, connectClients } from "./peer-client";
import type { PeerProcess } from "./spawn-peer";
import { cpuPercent, type Distribution, round, summarize } from "./stats";

export interface JoinStormOptions {
  target: ClientTarget;
  server: PeerProcess;
  documentId: string;
  clients: number;
  /** The document's full state, to check what each client received. */
  state: Uint8Array;
  /** Peers without storage (y-websocket) get the document from a first client instead. */
  upload: boolean;
}

export interface JoinStormResult {
  clients: number;
  documentBytes: number;
  /**
   * Per client: join sent → the server's whole initial state received. The figure the target is
   * about: what the server and the network take, before the client's own work.
   */
  receivedMs: Distribution;
  /**
   * Per client: join sent → state applied. The storm's clients apply one after another in this
   * process once all have received theirs, so this mostly measures the bench's own CPU.
   */
  syncedMs: Distribution;
  /** Applying the document to an empty Y.Doc once, in this process: what each real client adds. */
  applyOnceMs: number;
  /** Server CPU from the first join until the last client received the state, % of one core. */
  serverCpuPercent: number;
}

/**
 * A holder keeps the document open (so it is in the server's memory, as a document people are
 * working in is), then `clients` already-connected clients join it at the same moment, with
 * presence. Each client's messages are held until every client has received its initial state,
 * then applied and checked. Throws unless every client received the whole document.
 */
export async function measureJoinStorm(options: JoinStormOptions): Promise<JoinStormResult> {
  const expected = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(options.state));
  const holder = await connectClient(options.target, options.documentId, 0);
  const connections = [holder];
  try {
    const held = await holder.join({ presence: true });
    if (options.upload) Y.applyUpdate(held.doc, options.state);
    // A probe joins until it sees the whole document: the upload has landed and the server is warm.
    for (let attempt = 1; ; attempt += 1) {
      const probe = await connectClient(options.target, options.documentId, 1);
      const { doc } = await probe.join({ presence: false });
      const complete = sameStateVector(doc, expected);
      probe.close();
      if (complete) break;
      if (attempt === 100) throw new Error("join storm: the document never became complete on the server");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const storm = await connectClients(options.target, options.clients, () => options.documentId);
    connections.push(...storm);
    const cpuBefore = await options.server.cpu();
    const receivedMs: number[] = [];
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    const timeout = setTimeout(openGate, 60_000);
    const started = performance.now();
    const onStateReceived = (at: number) => {
      if (receivedMs.push(at - started) === options.clients) openGate();
    };
    const syncedMs = await Promise.all(
      storm.map(async (connection) => {
        const { doc } = await connection.join({ presence: true, onStateReceived, holdUntil: gate });
        const ms = performance.now() - started;
        if (!sameStateVector(doc, expected)) throw new Error("join storm: a client got an incomplete document");
        return ms;
      }),
    );
    clearTimeout(timeout);
    const cpuAfter = await options.server.cpu();
    const lastReceived = Math.max(...receivedMs);
    if (receivedMs.length !== options.clients) throw new Error("join storm: not every client received the document");
    const applyStarted = performance.now();
    Y.applyUpdate(new Y.Doc(), options.state);
    return {
      clients: options.clients,
      documentBytes: options.state.byteLength,
      receivedMs: summarize(receivedMs),
      syncedMs: summarize(syncedMs),
      applyOnceMs: round(performance.now() - applyStarted),
      serverCpuPercent: cpuPercent(cpuBefore, cpuAfter, lastReceived),
    };
  } finally {
    closeClients(connections);
  }
}

function sameStateVector(doc: Y.Doc, expected: Map<number, number>): boolean {
  const actual = Y.decodeStateVector(Y.encodeStateVector(doc));
  return [...expected].every(([client, clock]) => (actual.get(client) ?? 0) >= clock);
}
