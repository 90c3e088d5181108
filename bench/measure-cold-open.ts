import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { BenchClient } from "./bench-client";
import { firstParagraphString } from "./editing-trace";
import { type SpawnOptions, spawnServer } from "./spawn-server";
import { median, round } from "./stats";

export interface ColdOpenOptions {
  spawn: SpawnOptions;
  token: string;
  documentId: string;
  /** The text the document must hold once synced. */
  endContent: string;
  runs: number;
}

export interface ColdOpenResult {
  runs: number;
  /** Median over runs: `doc:join` sent → initial sync complete (step 2 applied, step 1 received). */
  medianMs: number;
  /** Every run's figure, in run order. */
  runMs: number[];
  /** Median WebSocket connect + handshake authentication before the join (not in `medianMs`). */
  medianConnectMs: number;
  /** Bytes of the initial sync (the encoded document state). */
  syncBytes: number;
}

/**
 * Opens a stored document on a server process started just for it, so the document is read from
 * the database and rebuilt in memory by the server's real load path, not served from its cache.
 * Each run starts a new process; the database (and the OS page cache) stays warm between runs.
 */
export async function measureColdOpen(options: ColdOpenOptions): Promise<ColdOpenResult> {
  const runMs: number[] = [];
  const connectMs: number[] = [];
  let syncBytes = 0;
  for (let run = 0; run < options.runs; run += 1) {
    const server = await spawnServer(options.spawn);
    try {
      const connectStart = performance.now();
      const client = await BenchClient.connect(server.url, options.token);
      const joinStart = performance.now();
      connectMs.push(joinStart - connectStart);
      const { doc } = await client.join(options.documentId, { presence: false });
      runMs.push(performance.now() - joinStart);
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
    runMs: runMs.map(round),
    medianConnectMs: median(connectMs),
    syncBytes,
  };
}
