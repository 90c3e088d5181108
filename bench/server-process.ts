/**
 * The collaboration server as a separate process for the benchmark (like
 * server/collab/testing/crash-child.ts): the database of DATA_DIR or DATABASE_URL, Socket.io on an
 * ephemeral port, no Next. Talks to bench/run-bench.ts over the fork IPC channel:
 * - `prepare`: migrates and seeds the database, sends `{type: "prepared", seed}`, exits;
 * - `serve`: sends `{type: "ready", port}` once listening; answers `{type: "memory"}` with its
 *   memory after a full GC, and `{type: "stop"}` with a graceful shutdown.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startDatabase, stopDatabase } from "@/server/database";
import { env } from "@/server/env";
import { attachSocketServer } from "@/server/realtime/attach-socket-server";
import { seedBenchData } from "./seed-bench-data";

export interface ServerMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export type ServerMessage =
  | { type: "prepared"; seed: Awaited<ReturnType<typeof seedBenchData>> }
  | { type: "ready"; port: number }
  | { type: "memory"; memory: ServerMemory };

export type RunnerMessage = { type: "memory" } | { type: "stop" };

function send(message: ServerMessage): void {
  process.send?.(message);
}

async function prepare(): Promise<void> {
  await startDatabase();
  const seed = await seedBenchData({ users: 50, idleDocuments: 100 });
  await stopDatabase();
  send({ type: "prepared", seed });
}

async function serve(): Promise<void> {
  await startDatabase();
  const http = createServer();
  const sockets = await attachSocketServer(http, env());
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  process.on("message", (message: RunnerMessage) => {
    if (message.type === "memory") {
      // Twice: the first pass may only finalize objects the second frees.
      globalThis.gc?.();
      globalThis.gc?.();
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      send({ type: "memory", memory: { rss, heapUsed, heapTotal, external, arrayBuffers } });
    } else if (message.type === "stop") {
      void sockets
        .close()
        .then(() => http.close())
        .then(stopDatabase)
        .finally(() => process.exit(0));
    }
  });
  send({ type: "ready", port: (http.address() as AddressInfo).port });
}

const mode = process.argv[2];
(mode === "prepare" ? prepare().then(() => process.exit(0)) : serve()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
