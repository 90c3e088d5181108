import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { CrashSeed } from "./crash-server";

const REPOSITORY = path.join(import.meta.dirname, "..", "..");
const START_TIMEOUT_MS = 120_000;

/** A running crash-test server: bench/chaos/crash-server.ts, or server/index.ts with `--server full`. */
export interface CrashServerProcess {
  child: ChildProcess;
  port: number;
  pid: number;
  seed?: CrashSeed;
  /** Milliseconds from spawn to listening (database open, migrations checked, recovery). */
  startMs: number;
}

/** Server log lines at warn level or above, across every process of a run. */
export interface ServerLog {
  warnings: number;
  errors: number;
  /** The last few of them, for the report. */
  last: string[];
}

export interface StartCrashServerOptions {
  /** 0 for any free port (the first start); afterwards the port the first one got. */
  port: number;
  /** Seeding on the first start: analysts (one API token each) and documents. */
  seed?: { users: number; documents: number };
  /** DATA_DIR, DATABASE_URL, COLLAB_* settings for the child. */
  env: NodeJS.ProcessEnv;
  log: ServerLog;
}

/** Spawns the server and resolves once it listens; rejects if it exits first. */
export function startCrashServer(options: StartCrashServerOptions): Promise<CrashServerProcess> {
  const args = ["--port", String(options.port)];
  if (options.seed) {
    args.push("--seed-users", String(options.seed.users), "--seed-documents", String(options.seed.documents));
  }
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "crash-server.ts"), ...args],
    {
      cwd: REPOSITORY,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let ready = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`crash server did not start within ${START_TIMEOUT_MS / 1000} s: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
      // After start-up only a crash of the server's own making writes here.
      if (ready) noteLog(options.log, 50, String(chunk).trim());
    });
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      const lines = stdout.split("\n");
      stdout = lines.pop() ?? "";
      for (const line of lines) {
        // pino writes its lines to stdout too; the ready line is the one without a level.
        const parsed = parseLine(line);
        if (parsed && typeof parsed.level === "number") noteLog(options.log, parsed.level, line);
        else if (parsed && typeof parsed.port === "number" && !ready) {
          ready = true;
          clearTimeout(timer);
          const info = parsed as { port: number; pid: number } & Partial<CrashSeed>;
          const seed = info.tokens && info.documents ? { tokens: info.tokens, documents: info.documents } : undefined;
          resolve({ child, port: info.port, pid: info.pid, seed, startMs: performance.now() - started });
        }
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`crash server exited (${code ?? signal}) before listening: ${stderr.trim()}`));
    });
  });
}

/** SIGKILL: no shutdown hook runs, nothing is flushed. Resolves once the process is gone. */
export function killCrashServer(server: CrashServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once("exit", () => resolve());
    server.child.kill("SIGKILL");
  });
}

/** One stdout line as JSON (pino lines, the ready line), or null. */
export function parseLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Counts a pino line at warn level or above and keeps the last few. */
export function noteLog(log: ServerLog, level: number, line: string): void {
  // pino levels: 40 warn, 50 error, 60 fatal.
  if (level >= 50) log.errors += 1;
  else if (level >= 40) log.warnings += 1;
  else return;
  log.last.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
  if (log.last.length > 5) log.last.shift();
}
