import { performance } from "node:perf_hooks";
import { connectClients } from "./bench-client";
import type { ServerMemory } from "./server-process";
import type { ServerProcess } from "./spawn-server";

export interface IdleMemoryOptions {
  server: ServerProcess;
  tokens: string[];
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
  /** (all − baseline) / connections: each connection's share, documents included. */
  perConnectionInclDocumentsBytes: { rss: number; heap: number };
  /** Time to connect and join every connection (for information). */
  connectAndJoinMs: number;
}

/**
 * Server memory of idle connections, each authenticated with an API token, joined to a document
 * and with presence announced (an open tab nobody types in). Measured in the server process after
 * a full GC; heap counts V8 heap plus external memory (Buffers), RSS the whole process.
 */
export async function measureIdleMemory(options: IdleMemoryOptions): Promise<IdleMemoryResult> {
  const { server, tokens, documents } = options;
  const warm = await connectClients(server.url, tokens, 10);
  await Promise.all(warm.map((client) => client.join(options.warmupDocument, { presence: true })));
  for (const client of warm) client.close();
  await settle();
  const baseline = await server.memory();
  const started = performance.now();
  const first = await connectClients(server.url, tokens, documents.length);
  await Promise.all(first.map((client, index) => client.join(documentAt(documents, index), { presence: true })));
  await settle();
  const oneConnectionPerDocument = await server.memory();
  const rest = await connectClients(server.url, tokens, options.connections - documents.length);
  for (let start = 0; start < rest.length; start += 50) {
    const batch = rest.slice(start, start + 50);
    await Promise.all(
      batch.map((client, offset) =>
        client.join(documentAt(documents, documents.length + start + offset), { presence: true }),
      ),
    );
  }
  const connectAndJoinMs = performance.now() - started;
  await settle();
  const allConnections = await server.memory();
  for (const client of [...first, ...rest]) client.close();
  const extra = options.connections - documents.length;
  return {
    connections: options.connections,
    documents: documents.length,
    baseline,
    oneConnectionPerDocument,
    allConnections,
    perConnectionBytes: perConnection(oneConnectionPerDocument, allConnections, extra),
    perConnectionInclDocumentsBytes: perConnection(baseline, allConnections, options.connections),
    connectAndJoinMs: Math.round(connectAndJoinMs),
  };
}

function documentAt(documents: string[], index: number): string {
  const documentId = documents[index % documents.length];
  if (!documentId) throw new Error("no documents");
  return documentId;
}

function heap(memory: ServerMemory): number {
  return memory.heapUsed + memory.external;
}

function perConnection(before: ServerMemory, after: ServerMemory, count: number): { rss: number; heap: number } {
  return {
    rss: Math.round((after.rss - before.rss) / count),
    heap: Math.round((heap(after) - heap(before)) / count),
  };
}

/** Lets presence broadcasts and document unloads finish before a reading. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2000));
}
