/**
 * A private PostgreSQL 15 and a private Redis for chaos runs: the machine's shared instances
 * (5432, 6379) serve other work and must never be stopped. PostgreSQL runs as user `postgres`
 * (it refuses root) from a temporary data directory; Redis keeps nothing on disk. Every instance
 * registers its removal, which `destroyAllServices` runs at the end, on failure and on Ctrl-C.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const PG_BIN = "/usr/lib/postgresql/15/bin";
const cleanups = new Set<() => void>();

/** Removes every instance still registered; synchronous, so a signal handler can call it. */
export function destroyAllServices(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the other instances must still be removed.
    }
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 120_000, cwd }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

export interface PrivatePostgres {
  url: string;
  port: number;
  /** `pg_ctl start -w`: resolves once it accepts connections. */
  start: () => Promise<void>;
  /** `pg_ctl stop -m fast -w`: open transactions are rolled back, connections cut. */
  stop: () => Promise<void>;
  destroy: () => void;
}

/** initdb into a temporary directory and start it on a free port (trust auth, 127.0.0.1 only). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = mkdtempSync(path.join(tmpdir(), "parallax-chaos-pg-"));
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  chownSync(root, uid, gid);
  const data = path.join(root, "data");
  const log = path.join(root, "postgres.log");
  const port = await freePort();
  const asPostgres = (binary: string, args: string[]) =>
    run("runuser", ["-u", "postgres", "--", path.join(PG_BIN, binary), ...args], root);
  const pgCtl = (args: string[]) => asPostgres("pg_ctl", ["-D", data, ...args]);
  const destroy = () => {
    cleanups.delete(destroy);
    try {
      execFileSync(
        "runuser",
        ["-u", "postgres", "--", path.join(PG_BIN, "pg_ctl"), "-D", data, "-m", "immediate", "stop"],
        { stdio: "ignore", cwd: root },
      );
    } catch {
      // Not running.
    }
    rmSync(root, { recursive: true, force: true });
  };
  cleanups.add(destroy);
  await asPostgres("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const start = async () => {
    await pgCtl(["-o", `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`, "-l", log, "-w", "-t", "60", "start"]);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop: async () => {
      await pgCtl(["-m", "fast", "-w", "-t", "60", "stop"]);
    },
    destroy,
  };
}

export interface PrivateRedis {
  url: string;
  port: number;
  start: () => Promise<void>;
  /** SIGTERM and wait for the exit: clients see their connections close, then refusals. */
  stop: () => Promise<void>;
  destroy: () => void;
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let answer = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.on("data", (chunk) => {
      answer += chunk.toString();
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
    socket.once("connect", () => socket.write("PING\r\n"));
  });
}

/** `redis-server --port N --save '' --appendonly no` on a free port. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const destroy = () => {
    cleanups.delete(destroy);
    child?.kill("SIGKILL");
  };
  cleanups.add(destroy);
  const start = async () => {
    const dir = tmpdir();
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      { stdio: "ignore" },
    );
    const started = Date.now();
    while (!(await redisAnswers(port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      if (Date.now() - started > 20_000) throw new Error("redis-server did not answer within 20 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: async () => {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      running.kill("SIGTERM");
      await exited;
    },
    destroy,
  };
}
