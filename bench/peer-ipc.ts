/**
 * The fork IPC channel between the bench runner and a peer server process (ours, Hocuspocus or
 * the y-websocket server). Every peer process answers the same three requests, so the runner
 * measures each one the same way.
 */

/** `process.memoryUsage()` of a peer process after two full GCs. */
export interface ServerMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** `process.cpuUsage()` of a peer process since it started, in microseconds. */
export interface ServerCpu {
  user: number;
  system: number;
}

export type PeerMessage =
  | { type: "prepared"; seed: unknown }
  | { type: "ready"; port: number }
  | { type: "memory"; memory: ServerMemory }
  | { type: "cpu"; cpu: ServerCpu };

export type RunnerMessage = { type: "memory" } | { type: "cpu" } | { type: "stop" };

/** What a peer process starts: a listening server and how to stop it gracefully. */
export interface StartedPeer {
  port: number;
  stop: () => Promise<void>;
}

/** Sends a message to the runner. */
export function sendToRunner(message: PeerMessage): void {
  process.send?.(message);
}

/**
 * Starts the peer and answers the runner until it says `stop`. The process exits when the runner
 * goes away too, so an interrupted bench never leaves servers behind.
 */
export function servePeer(start: () => Promise<StartedPeer>): void {
  process.on("disconnect", () => process.exit(0));
  start().then(
    ({ port, stop }) => {
      process.on("message", (message: RunnerMessage) => {
        if (message.type === "memory") {
          // Twice: the first pass may only finalize objects the second frees.
          globalThis.gc?.();
          globalThis.gc?.();
          const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
          sendToRunner({ type: "memory", memory: { rss, heapUsed, heapTotal, external, arrayBuffers } });
        } else if (message.type === "cpu") {
          sendToRunner({ type: "cpu", cpu: process.cpuUsage() });
        } else if (message.type === "stop") {
          void stop().finally(() => process.exit(0));
        }
      });
      sendToRunner({ type: "ready", port });
    },
    (error: unknown) => exitWithError(error),
  );
}

/** Prints the error and exits with status 1. */
export function exitWithError(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
