import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { BenchSeed } from "./seed-bench-data";
import type { RunnerMessage, ServerMemory, ServerMessage } from "./server-process";

const SERVER_SCRIPT = path.join(import.meta.dirname, "server-process.ts");
const BENCH_SECRET = "bench-only-secret-bench-only-secret-0123456789";

/** A collaboration server process started by the bench. */
export interface ServerProcess {
  url: string;
  /** The server's memory after a full GC. */
  memory: () => Promise<ServerMemory>;
  /** Graceful stop; resolves when the process has exited. */
  stop: () => Promise<void>;
}

export interface SpawnOptions {
  /** DATA_DIR / DATABASE_URL of the bench database. */
  databaseEnv: Record<string, string>;
  /** Extra environment, e.g. COLLAB_COMPACT_BYTES. */
  extraEnv?: Record<string, string>;
}

function forkServer(mode: "prepare" | "serve", options: SpawnOptions): ChildProcess {
  return fork(SERVER_SCRIPT, [mode], {
    cwd: path.resolve(import.meta.dirname, ".."),
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      AUTH_SECRET: BENCH_SECRET,
      DATABASE_URL: "",
      ...options.databaseEnv,
      ...options.extraEnv,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

function nextMessage<T extends ServerMessage["type"]>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as Extract<ServerMessage, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`server process exited (${code}) before "${type}"`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** Migrates and seeds the bench database in a short-lived server process. */
export async function prepareDatabase(options: SpawnOptions): Promise<BenchSeed> {
  const child = forkServer("prepare", options);
  const { seed } = await nextMessage(child, "prepared");
  await new Promise((resolve) => child.once("exit", resolve));
  return seed;
}

/** Starts a fresh server process and resolves once it listens. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const child = forkServer("serve", options);
  const { port } = await nextMessage(child, "ready");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    memory: async () => {
      const answer = nextMessage(child, "memory");
      child.send({ type: "memory" } satisfies RunnerMessage);
      return (await answer).memory;
    },
    stop: async () => {
      child.send({ type: "stop" } satisfies RunnerMessage);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
