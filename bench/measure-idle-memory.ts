import { performance } from "node:perf_hooks";
import { type ClientTarget, closeClients, connectClients, joinClients } from "./peer-client";
import type { ServerMemory } from "./peer-ipc";
import type { PeerProcess } from "./spawn-peer";

export interface IdleMemoryOptions {
  target: ClientTarget;
  server: PeerProcess;
  /** One connection per document first, then the rest spread over the same documents. */
  documents: string[];
  connections: number;
  /** A document outside `documents` to warm the server up with. */
  warmupDocument: string;
}

export interface IdleMemoryResult {
  connections: number;
  documents: number;
  /** Server memory after a full GC: warmed up and empty; one connection per document; all connections. */
  baseline: ServerMemory;
  oneConnectionPerDocument: ServerMemory;
  allConnections: ServerMemory;
  /** (all − one per document) / (connections − documents): the cost of one more idle connection. */
  perConnectionBytes: { rss: number; heap: number };
  /**
   * (one per document − baseline) / documents − one connection's cost: an open (empty) document,
   * beyond the connection that keeps it open.
   */
  perDocumentBytes: { rss: number; heap: number };
  /** (all − baseline) / connections: each connection's share, documents included. */
  perConnectionInclDocumentsBytes: { rss: number; heap: number };
  /** Time to connect and join every connection (for information). */
  connectAndJoinMs: number;
}

/**
 * Server memory of idle connections, each joined to a document with presence announced (an open
 * tab nobody types in). Measured in the server process after a full GC; heap counts V8 heap plus
 * external memory (Buffers), RSS the whole process.
 */
export async function measureIdleMemory(options: IdleMemoryOptions): Promise<IdleMemoryResult> {
  const { server, target, documents } = options;
  const documentAt = (index: number) => documents[index % documents.length] ?? "";
  const warm = await connectClients(target, 10, () => options.warmupDocument);
  await joinClients(warm, { presence: true });
  closeClients(warm);
  await settle();
  const baseline = await server.memory();
  const started = performance.now();
  const first = await connectClients(target, documents.length, documentAt);
  await joinClients(first, { presence: true });
  await settle();
  const oneConnectionPerDocument = await server.memory();
  const rest = await connectClients(target, options.connections - documents.length, documentAt);
  await joinClients(rest, { presence: true });
  const connectAndJoinMs = performance.now() - started;
  await settle();
  const allConnections = await server.memory();
  closeClients([...first, ...rest]);
  const extra = options.connections - documents.length;
  const perConnectionBytes = perUnit(oneConnectionPerDocument, allConnections, extra);
  const opened = perUnit(baseline, oneConnectionPerDocument, documents.length);
  return {
    connections: options.connections,
    documents: documents.length,
    baseline,
    oneConnectionPerDocument,
    allConnections,
    perConnectionBytes,
    perDocumentBytes: { rss: opened.rss - perConnectionBytes.rss, heap: opened.heap - perConnectionBytes.heap },
    perConnectionInclDocumentsBytes: perUnit(baseline, allConnections, options.connections),
    connectAndJoinMs: Math.round(connectAndJoinMs),
  };
}

function heap(memory: ServerMemory): number {
  return memory.heapUsed + memory.external;
}

function perUnit(before: ServerMemory, after: ServerMemory, count: number): { rss: number; heap: number } {
  return {
    rss: Math.round((after.rss - before.rss) / count),
    heap: Math.round((heap(after) - heap(before)) / count),
  };
}

/** Lets presence broadcasts and document unloads finish before a reading. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2000));
}
