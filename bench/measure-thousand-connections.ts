import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { firstParagraphLength } from "./editing-trace";
import { type ClientTarget, closeClients, connectClients, joinClients } from "./peer-client";
import type { PeerProcess } from "./spawn-peer";
import { type Distribution, summarize, withTimeout } from "./stats";

export interface ThousandOptions {
  target: ClientTarget;
  server: PeerProcess;
  documentId: string;
  connections: number;
}

export interface ThousandResult {
  connections: number;
  connected: number;
  joined: number;
  reached: number;
  /** All handshakes (authenticated with API tokens), 50 at a time. */
  connectAllMs: number;
  /** All joins of the one document, 50 at a time. */
  joinAllMs: number;
  /** One edit: writer's change → each other connection's copy applied it. */
  editLatencyMs: Distribution;
  /** Writer's change → the last connection applied it. */
  fullFanOutMs: number;
  serverRssBytes: number;
}

/**
 * `connections` connections on one process, all in one document (presence off: with presence a
 * thousand carets would be measured instead), then one edit that must reach every one of them.
 */
export async function measureThousandConnections(options: ThousandOptions): Promise<ThousandResult> {
  let started = performance.now();
  const clients = await connectClients(options.target, options.connections, () => options.documentId);
  const connectAllMs = performance.now() - started;
  started = performance.now();
  const joined = await joinClients(clients, { presence: false });
  const joinAllMs = performance.now() - started;
  const [writer, ...receivers] = joined;
  if (!writer) throw new Error("no writer");
  let sentAt = 0;
  const latencies: number[] = [];
  const reached = receivers.map(
    (entry) =>
      new Promise<void>((resolve) => {
        entry.doc.on("update", () => {
          if (firstParagraphLength(entry.doc) === 0) return;
          latencies.push(performance.now() - sentAt);
          resolve();
        });
      }),
  );
  sentAt = performance.now();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("reaches everyone")]);
  writer.doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
  await withTimeout(Promise.all(reached), 60_000, "fan-out to every connection");
  const fullFanOutMs = performance.now() - sentAt;
  const serverRssBytes = (await options.server.memory()).rss;
  closeClients(clients);
  return {
    connections: options.connections,
    connected: clients.length,
    joined: joined.length,
    reached: latencies.length + 1,
    connectAllMs: Math.round(connectAllMs),
    joinAllMs: Math.round(joinAllMs),
    editLatencyMs: summarize(latencies),
    fullFanOutMs: Math.round(fullFanOutMs * 1000) / 1000,
    serverRssBytes,
  };
}
