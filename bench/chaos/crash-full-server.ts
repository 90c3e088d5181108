/**
 * `npm run chaos:crash -- --server full`: the process killed is the production entry point,
 * `node --import tsx server/index.ts` (Next from `.next`, REST, Socket.io and `/collab` on one
 * port), started as an operator would: NODE_ENV=production, SEED_DEMO=false, one fixed
 * AUTH_SECRET for the whole run so sessions and tokens stay valid across restarts. That server
 * seeds nothing for the test, so a short-lived bench/chaos/crash-server.ts `--seed-only` process
 * seeds the store first and exits (PGlite allows one process per data directory). A start counts
 * as done when `GET /api/health` answers `ok`: the database is open and Next serves routes.
 */
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { CrashSeed } from "./crash-server";
import { type CrashServerProcess, noteLog, parseLine, type ServerLog } from "./crash-server-process";

const REPOSITORY = path.join(import.meta.dirname, "..", "..");
const START_TIMEOUT_MS = 120_000;

/** Throws, telling what to run, unless `.next` holds a production build for server/index.ts. */
export function requireProductionBuild(): void {
  if (existsSync(path.join(REPOSITORY, ".next", "BUILD_ID"))) return;
  throw new Error(
    "--server full starts the production server/index.ts, which needs a production build: " +
      "run `npm run build` first (or use --server collab, which runs without Next).",
  );
}

/** The environment of every server/index.ts start of one run (PORT and PUBLIC_URL are added per start). */
export function fullServerEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...base,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    SEED_DEMO: "false",
    // One secret per run, not a known one: only the restarts need to agree on it.
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // Twenty clients sharing one address and the health polls must not meet the REST limiter.
    API_REQUESTS_PER_MINUTE: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Seeds analysts (one API token each) and documents into the store of `env`, in a process that then exits. */
export function seedCrashStore(env: NodeJS.ProcessEnv, seed: { users: number; documents: number }): Promise<CrashSeed> {
  const args = [
    "--import",
    "tsx",
    path.join(import.meta.dirname, "crash-server.ts"),
    "--seed-only",
    "--seed-users",
    String(seed.users),
    "--seed-documents",
    String(seed.documents),
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: REPOSITORY, env, timeout: START_TIMEOUT_MS }, (error, stdout, stderr) => {
      const line = stdout
        .split("\n")
        .map(parseLine)
        .find((value) => Array.isArray(value?.tokens));
      if (error || !line) reject(new Error(`seeding failed: ${stderr.trim() || error?.message || stdout}`));
      else resolve({ tokens: line.tokens as string[], documents: line.documents as string[] });
    });
  });
}

/** Options of one server/index.ts start. */
export interface StartFullServerOptions {
  /** The port of every start of the run (chosen free before the first). */
  port: number;
  /** From fullServerEnv, with DATA_DIR or DATABASE_URL. */
  env: NodeJS.ProcessEnv;
  log: ServerLog;
}

/** Spawns server/index.ts and resolves once `GET /api/health` answers ok; rejects if it exits first. */
export async function startFullServer(options: StartFullServerOptions): Promise<CrashServerProcess> {
  const started = performance.now();
  const base = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: REPOSITORY,
    env: { ...options.env, PORT: String(options.port), PUBLIC_URL: base },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let ready = false;
  let exited: string | null = null;
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (chunk) => {
    if (ready) noteLog(options.log, 50, String(chunk).trim());
    else stderr += chunk;
  });
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
    const lines = stdout.split("\n");
    stdout = lines.pop() ?? "";
    for (const line of lines) {
      const parsed = parseLine(line);
      if (parsed && typeof parsed.level === "number") noteLog(options.log, parsed.level, line);
    }
  });
  child.once("exit", (code, signal) => {
    exited = String(code ?? signal);
  });
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (!(await healthy(base))) {
    if (exited !== null) throw new Error(`server/index.ts exited (${exited}) before it was healthy: ${stderr.trim()}`);
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server/index.ts was not healthy within ${START_TIMEOUT_MS / 1000} s: ${stderr.trim()}`);
    }
    await sleep(100);
  }
  ready = true;
  return { child, port: options.port, pid: child.pid ?? 0, startMs: performance.now() - started };
}

async function healthy(base: string): Promise<boolean> {
  try {
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { status?: string };
    return response.ok && body.status === "ok";
  } catch {
    return false;
  }
}
