/**
 * Our collaboration server as a separate process for the benchmark (like
 * server/collab/testing/crash-child.ts): the database of DATA_DIR or DATABASE_URL, Socket.io on an
 * ephemeral port, no Next. Modes:
 * - `prepare <input.json> <updates.bin> <join-storm.bin>`: migrates and seeds the database, sends
 *   `{type: "prepared", seed}`, exits;
 * - `serve [--no-persistence]`: the server, answering the runner through bench/peer-ipc.ts.
 *   `--no-persistence` is a bench-only switch: update batches are "written" by a function that
 *   stores nothing and returns at once, so edits are acknowledged without touching the database
 *   (the durability-cost baseline). It swaps the writer the server accepts for tests
 *   (`insertRows`); server code is unchanged.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { InsertUpdateRows } from "@/server/collab/insert-update-rows";
import { startDatabase, stopDatabase } from "@/server/database";
import { env } from "@/server/env";
import { attachSocketServer } from "@/server/realtime/attach-socket-server";
import { exitWithError, sendToRunner, servePeer } from "./peer-ipc";
import { type BenchSeedInput, seedBenchData } from "./seed-bench-data";
import { readUpdateFile } from "./update-file";

async function prepare(inputFile: string, updatesFile: string, joinStormFile: string): Promise<void> {
  const options = JSON.parse(readFileSync(inputFile, "utf8")) as Omit<
    BenchSeedInput,
    "traceUpdates" | "joinStormState"
  >;
  await startDatabase();
  const seed = await seedBenchData({
    ...options,
    traceUpdates: readUpdateFile(updatesFile),
    joinStormState: readFileSync(joinStormFile),
  });
  await stopDatabase();
  sendToRunner({ type: "prepared", seed });
}

/** Ids only have to be unique per process: without Redis nothing reconciles against them. */
function discardingWriter(): InsertUpdateRows {
  let nextId = 1;
  return async (rows) => rows.map((row) => ({ id: nextId++, documentId: row.documentId }));
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "prepare") {
  const [inputFile = "", updatesFile = "", joinStormFile = ""] = args;
  prepare(inputFile, updatesFile, joinStormFile).then(() => process.exit(0), exitWithError);
} else {
  servePeer(async () => {
    await startDatabase();
    const http = createServer();
    const sockets = await attachSocketServer(http, env(), {
      insertRows: args.includes("--no-persistence") ? discardingWriter() : undefined,
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    return {
      port: (http.address() as AddressInfo).port,
      stop: async () => {
        await sockets.close();
        http.close();
        await stopDatabase();
      },
    };
  });
}
