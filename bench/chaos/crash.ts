/**
 * Crash chaos (issue 8): clients keep typing into shared documents while the server is killed
 * with SIGKILL at random moments and restarted on the same store and port. Afterwards every edit
 * the server acknowledged must be stored, and every client's text must equal the stored one
 * (their unacknowledged edits merged).
 *
 *   npm run chaos:crash -- [--server full|collab] [--kills 20] [--clients 20] [--seed N]
 *   DATABASE_URL=postgres://…/<existing database> npm run chaos:crash
 *
 * `--server full` (the default) kills the production entry point, `node --import tsx
 * server/index.ts` with Next from `.next` (crash-full-server.ts; run `npm run build` first).
 * `--server collab` kills bench/chaos/crash-server.ts: the same attachSocketServer without Next,
 * which restarts faster. Both run production settings except a 64 KiB compaction threshold so
 * compactions happen and get killed too. The store is PGlite in a temporary directory, or a
 * private database created on the PostgreSQL server of DATABASE_URL and dropped at the end.
 * Clients (crash-client.ts) live in this process: each keeps its Y.Doc across reconnections, types a
 * unique marker word every 50–400 ms, online or not (every fourth one also into a second
 * document), and counts an edit acknowledged once the server acked a message carrying it. After
 * each kill every client retries every 0.3–1 s until it rejoins, and re-sends what the new server lacks. The next
 * kill comes 0.5–3 s after every client is back (acks in flight), or, every fourth kill, 0.5–3 s
 * after the restart whether or not they are (usually mid-rejoin). At the
 * end editing stops, clients settle, the server is killed once more and restarted, and a fresh
 * client reads each document back: acknowledged markers missing are "lost".
 *
 * Prints a table per kill and per document and a final line; exits 1 when an acknowledged edit
 * was lost, an edit never merged, a marker was duplicated or garbled, or a client's text differs
 * from the stored one. Writes bench/results/chaos-crash-latest.json.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { documentToContent } from "@/lib/editor/document-content";
import { CollabTestClient } from "@/server/collab/testing/collab-test-client";
import { createBenchDirectory, createPostgresDatabase } from "../bench-database";
import { ChaosClient } from "./crash-client";
import { fullServerEnv, requireProductionBuild } from "./crash-full-server";
import { between, type CrashOptions, type CrashServerKind, parseCrashOptions, seededRandom } from "./crash-options";
import { type CrashSummary, checkDocument, type KillRecord, renderSummary, writeCrashSummary } from "./crash-report";
import { Restarter } from "./crash-restarter";
import type { CrashSeed } from "./crash-server";
import { killCrashServer, type ServerLog } from "./crash-server-process";

const SERVERS: Record<CrashServerKind, string> = {
  full: "server/index.ts (production: Next from .next, REST, Socket.io + collaboration)",
  collab: "bench/chaos/crash-server.ts: attachSocketServer (Socket.io + collaboration) without Next",
};
const SETTLE_TIMEOUT_MS = 120_000;
const REJOIN_TIMEOUT_MS = 30_000;

async function run(options: CrashOptions, log: ServerLog): Promise<CrashSummary> {
  const started = performance.now();
  const directory = createBenchDirectory();
  // Never the tables of DATABASE_URL's own database: a private one, dropped in `finally`.
  const database = options.databaseUrl ? await createPostgresDatabase(options.databaseUrl, "chaos_crash") : undefined;
  const failures: string[] = [];
  const base = {
    ...process.env,
    DATA_DIR: directory.path,
    DATABASE_URL: database?.url ?? "",
    // One process: no Redis, whatever this shell has configured.
    REDIS_URL: "",
    LOG_LEVEL: "warn",
    COLLAB_COMPACT_BYTES: String(options.compactBytes),
  };
  const restarter = new Restarter(options.server, { log, env: options.server === "full" ? fullServerEnv(base) : base });
  let seeded: { port: number } & CrashSeed;
  try {
    seeded = await restarter.first({ users: options.clients, documents: 2 });
  } catch (error) {
    await database?.dispose();
    directory.dispose();
    throw error;
  }
  const { port, tokens, documents } = seeded;
  const url = `http://127.0.0.1:${port}`;
  // Every fourth client also types into a second document (the registry holds two live documents).
  const clients = tokens.map(
    (token, index) =>
      new ChaosClient(`c${String(index).padStart(2, "0")}`, token, index % 4 === 0 ? documents : documents.slice(0, 1)),
  );
  try {
    await Promise.all(clients.map((client) => client.connect(url)));
    if (!(await waitFor(() => clients.every((client) => client.isSynced), 30_000))) {
      throw new Error("the clients did not join before the first kill");
    }
    const stopEditing = startEditing(clients, options);
    const killRandom = seededRandom(options.seed);
    const unackedAtKill = new Set<string>();
    const kills: KillRecord[] = [];
    for (let kill = 1; kill <= options.kills; kill += 1) {
      // Three kills in four land while everyone is back and typing (acks in flight); every fourth
      // one at a random moment after the restart, usually in the middle of the rejoin storm.
      const duringRejoin = kill % 4 === 0;
      const upMs = between(killRandom, options.killAfterMs);
      const upStarted = performance.now();
      const allSynced = () => clients.every((client) => client.isSynced);
      const rejoined = await waitFor(allSynced, duringRejoin ? upMs : REJOIN_TIMEOUT_MS);
      const rejoinMs = rejoined ? Math.round(performance.now() - upStarted) : null;
      await sleep(duringRejoin ? Math.max(0, upMs - (performance.now() - upStarted)) : upMs);
      const upFor = Math.round(performance.now() - upStarted);
      const syncedClients = clients.filter((client) => client.isSynced).length;
      await killCrashServer(restarter.server);
      const counts = countEdits(clients, unackedAtKill);
      const restartStarted = performance.now();
      await restarter.start(port);
      kills.push({
        kill,
        duringRejoin,
        upMs: upFor,
        rejoinMs,
        ...counts,
        syncedClients,
        restartMs: performance.now() - restartStarted,
      });
    }
    stopEditing();

    const ackedDuringKills = countEdits(clients, new Set()).acked;
    const settleStarted = performance.now();
    if (!(await settle(clients, url))) failures.push("some clients did not settle within 120 s");
    const settleSeconds = (performance.now() - settleStarted) / 1000;
    for (const client of clients) {
      for (const documentId of client.documents.keys()) {
        await client.catchUp(documentId).catch((error: unknown) => failures.push(String(error)));
      }
    }

    // Read back what survives one more SIGKILL: the durable store, nothing held in memory.
    await killCrashServer(restarter.server);
    await restarter.start(port);
    const stored = await readStoredTexts(url, tokens[0] ?? "", documents);
    const checks = documents.map((documentId) =>
      checkDocument(documentId, stored.get(documentId) ?? "", clients, unackedAtKill),
    );
    const sum = (pick: (check: (typeof checks)[number]) => number) => checks.reduce((total, c) => total + pick(c), 0);
    const totals = {
      made: sum((c) => c.made),
      ackedDuringKills,
      acked: sum((c) => c.acked),
      present: sum((c) => c.present),
      lost: sum((c) => c.lost),
      missing: sum((c) => c.missing),
      unackedAtKillMerged: sum((c) => c.unackedAtKillMerged),
      unackedAtKill: unackedAtKill.size,
    };
    const converged = checks.every((check) => check.clientsEqual === check.clients);
    if (totals.lost > 0) failures.push(`${totals.lost} acknowledged edits are not stored`);
    if (totals.missing > totals.lost)
      failures.push(`${totals.missing - totals.lost} unacknowledged edits were never merged`);
    if (sum((c) => c.duplicated + c.unknown) > 0) failures.push("the stored text has duplicated or unknown words");
    if (!converged) failures.push("some clients' text differs from the stored text");
    const refusals: Record<string, number> = {};
    for (const client of clients) {
      for (const [code, count] of client.refusals) refusals[code] = (refusals[code] ?? 0) + count;
    }
    const { databaseUrl, ...printable } = options;
    return {
      date: new Date().toISOString(),
      store: database
        ? `PostgreSQL, private database ${new URL(database.url).pathname.slice(1)}`
        : `PGlite in ${directory.path}`,
      server: SERVERS[options.server],
      options: printable,
      kills,
      documents: checks.map(({ unackedAtKillMerged, ...check }) => check),
      totals,
      converged,
      passed: failures.length === 0,
      settleSeconds,
      durationSeconds: (performance.now() - started) / 1000,
      refusals,
      serverLog: log,
      failures,
    };
  } finally {
    for (const client of clients) client.close();
    await killCrashServer(restarter.server);
    await database?.dispose();
    directory.dispose();
  }
}

/** Every client types a marker word every 50–400 ms, online or not; returns the stop function. */
function startEditing(clients: ChaosClient[], options: CrashOptions): () => void {
  const timers = new Set<NodeJS.Timeout>();
  let editing = true;
  clients.forEach((client, index) => {
    const random = seededRandom(options.seed + index + 1);
    const [main = "", second] = client.documents.keys();
    const schedule = () => {
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          if (!editing) return;
          client.edit(second && random() < 0.3 ? second : main, random);
          schedule();
        },
        between(random, options.editEveryMs),
      );
      timers.add(timer);
    };
    schedule();
  });
  return () => {
    editing = false;
    for (const timer of timers) clearTimeout(timer);
  };
}

/** Edits made and acknowledged so far; notes the markers of unacknowledged ones in `unacked`. */
function countEdits(clients: ChaosClient[], unacked: Set<string>): { made: number; acked: number; unacked: number } {
  const counts = { made: 0, acked: 0, unacked: 0 };
  for (const client of clients) {
    for (const entry of client.documents.values()) {
      for (const edit of entry.edits) {
        counts.made += 1;
        if (edit.acked) counts.acked += 1;
        else {
          counts.unacked += 1;
          unacked.add(edit.marker);
        }
      }
    }
  }
  return counts;
}

/** Waits until every client is synced with nothing unanswered, rejoining the ones that are stuck. */
async function settle(clients: ChaosClient[], url: string): Promise<boolean> {
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (await waitFor(() => clients.every((client) => client.isSettled), 10_000)) return true;
    // A join that died with the last kill, or a message refused: a real client would resync too.
    await Promise.all(clients.filter((client) => !client.isSettled).map((client) => client.connect(url)));
  }
  return false;
}

/** Each document's text as a fresh client receives it from the server. */
async function readStoredTexts(url: string, token: string, documents: string[]): Promise<Map<string, string>> {
  const reader = await CollabTestClient.connect(url, { token });
  try {
    const texts = new Map<string, string>();
    for (const documentId of documents) {
      const entry = await reader.join(documentId);
      texts.set(documentId, documentToContent(entry.doc).text);
    }
    return texts;
  } finally {
    reader.close();
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function main(): Promise<void> {
  const options = parseCrashOptions(process.argv.slice(2), process.env);
  const log: ServerLog = { warnings: 0, errors: 0, last: [] };
  process.stdout.write(
    `chaos:crash: ${options.kills} kills, ${options.clients} clients, seed ${options.seed}, ` +
      `${options.databaseUrl ? "PostgreSQL (private database on DATABASE_URL's server)" : "PGlite"}; ` +
      `server: ${SERVERS[options.server]}\n`,
  );
  if (options.server === "full") requireProductionBuild();
  const summary = await run(options, log);
  const file = writeCrashSummary(summary);
  process.stdout.write(`${renderSummary(summary)}\n(written to ${file})\n`);
  process.exit(summary.passed ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `chaos:crash failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
