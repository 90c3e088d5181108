import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import type { Protocol } from "./client-types";
import { firstParagraphString } from "./editing-trace";
import { connectClient } from "./peer-client";
import type { PeerProcess } from "./spawn-peer";
import { median, round } from "./stats";

export interface ColdOpenOptions {
  /** Starts a fresh peer process (one per run). */
  spawn: () => Promise<PeerProcess>;
  protocol: Protocol;
  tokens: string[];
  documentId: string;
  /** The text the document must hold once synced. */
  endContent: string;
  runs: number;
}

export interface ColdOpenResult {
  runs: number;
  /** Median over runs: join sent → initial sync complete (the server's step 2 applied). */
  medianMs: number;
  /** Median over runs: join sent → the server's whole initial state received (before the client applies it). */
  medianReceivedMs: number;
  /** Every run's figure, in run order. */
  runMs: number[];
  /** Median CPU time the server process spent between the join and the completed sync. */
  medianServerCpuMs: number;
  serverCpuMs: number[];
  /** Median WebSocket connect (+ handshake authentication on ours) before the join (not in `medianMs`). */
  medianConnectMs: number;
  /** Bytes of the synced document (`Y.encodeStateAsUpdate` on the client). */
  syncBytes: number;
}

/**
 * Opens a stored document on a peer process started just for it, so the document is read from
 * the database and rebuilt in memory by the peer's own load path, not served from a cache. The
 * database (and the OS page cache) stays warm between runs.
 */
export async function measureColdOpen(options: ColdOpenOptions): Promise<ColdOpenResult> {
  const runMs: number[] = [];
  const connectMs: number[] = [];
  const serverCpuMs: number[] = [];
  const receivedMs: number[] = [];
  let syncBytes = 0;
  for (let run = 0; run < options.runs; run += 1) {
    const server = await options.spawn();
    try {
      const target = { endpoint: { protocol: options.protocol, url: server.url }, tokens: options.tokens };
      const connectStart = performance.now();
      const client = await connectClient(target, options.documentId, 0);
      const cpuBefore = await server.cpu();
      const joinStart = performance.now();
      connectMs.push(joinStart - connectStart);
      const { doc } = await client.join({
        presence: false,
        onStateReceived: (at) => receivedMs.push(at - joinStart),
      });
      runMs.push(performance.now() - joinStart);
      const cpuAfter = await server.cpu();
      serverCpuMs.push((cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system) / 1000);
      if (firstParagraphString(doc) !== options.endContent) throw new Error("cold open: the synced text differs");
      syncBytes = Y.encodeStateAsUpdate(doc).byteLength;
      client.close();
    } finally {
      await server.stop();
    }
  }
  return {
    runs: options.runs,
    medianMs: median(runMs),
    medianReceivedMs: median(receivedMs),
    runMs: runMs.map(round),
    medianServerCpuMs: median(serverCpuMs),
    serverCpuMs: serverCpuMs.map(round),
    medianConnectMs: median(connectMs),
    syncBytes,
  };
}
