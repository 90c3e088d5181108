/**
 * The server of `npm run chaos:crash`, restarted in place (same store, same port) after each kill:
 * server/index.ts for `--server full`, bench/chaos/crash-server.ts for `--server collab`.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { seedCrashStore, startFullServer } from "./crash-full-server";
import type { CrashServerKind } from "./crash-options";
import type { CrashSeed } from "./crash-server";
import { type CrashServerProcess, type StartCrashServerOptions, startCrashServer } from "./crash-server-process";
import { freePort } from "./private-services";

/** The server, restarted in place after each kill. */
export class Restarter {
  server!: CrashServerProcess;
  constructor(
    private readonly kind: CrashServerKind,
    private readonly options: Omit<StartCrashServerOptions, "port" | "seed">,
  ) {}

  /** Seeds the store and starts the first server; returns the port and the seeded tokens and documents. */
  async first(seed: { users: number; documents: number }): Promise<{ port: number } & CrashSeed> {
    if (this.kind === "collab") {
      const server = await this.start(0, seed);
      if (!server.seed) throw new Error("the first server start did not seed");
      return { port: server.port, ...server.seed };
    }
    const seeded = await seedCrashStore(this.options.env, seed);
    const port = await freePort();
    await this.start(port);
    return { port, ...seeded };
  }

  /** Starts the server on `port` (0: any, collab only), retrying while the port is still held. */
  async start(port: number, seed?: StartCrashServerOptions["seed"]): Promise<CrashServerProcess> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        this.server =
          this.kind === "full"
            ? await startFullServer({ port, env: this.options.env, log: this.options.log })
            : await startCrashServer({ ...this.options, port, seed });
        return this.server;
      } catch (error) {
        // Only a port still held for a moment is worth a retry; a store that will not open is the finding.
        if (attempt >= 3 || !String(error).includes("EADDRINUSE")) throw error;
        await sleep(500);
      }
    }
  }
}
