import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { PeerMessage, RunnerMessage, ServerCpu, ServerMemory } from "./peer-ipc";

/** A peer server process started by the bench. */
export interface PeerProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The server's memory after two full GCs. */
  memory: () => Promise<ServerMemory>;
  /** CPU time the server process has used so far. */
  cpu: () => Promise<ServerCpu>;
  /** Graceful stop; resolves when the process has exited (SIGKILL after 15 s). */
  stop: () => Promise<void>;
}

/**
 * Forks a bench script with tsx and `--expose-gc`; stdout/stderr go to the bench's. With
 * BENCH_CPU_PROF=<directory> every peer process writes a V8 CPU profile there when it exits.
 */
export function forkScript(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return fork(path.join(import.meta.dirname, script), args, {
    cwd: path.resolve(import.meta.dirname, ".."),
    execArgv: ["--import", "tsx", "--expose-gc", ...profile],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** Resolves with the child's next message of `type`; rejects if it exits first. */
export function nextMessage<T extends PeerMessage["type"]>(
  child: ChildProcess,
  type: T,
): Promise<Extract<PeerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: PeerMessage) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as Extract<PeerMessage, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`peer process exited (${code}) before "${type}"`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** Starts a peer process and resolves once it listens. */
export async function spawnPeerProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<PeerProcess> {
  const child = forkScript(script, args, env);
  const { port } = await nextMessage(child, "ready");
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const request = async <T extends "memory" | "cpu">(type: T) => {
    const answer = nextMessage(child, type);
    child.send({ type } satisfies RunnerMessage);
    return answer;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    memory: async () => (await request("memory")).memory,
    cpu: async () => (await request("cpu")).cpu,
    stop: async () => {
      if (child.connected) child.send({ type: "stop" } satisfies RunnerMessage);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
