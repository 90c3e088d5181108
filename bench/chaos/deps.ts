/**
 * `npm run chaos:deps` (issue 8): the collaboration server while its dependencies go away.
 *
 * Phase 1, PostgreSQL outage: one server process (bench/chaos/deps-server.ts) on a private
 * PostgreSQL; clients edit one document with unique markers while PostgreSQL is stopped
 * (`pg_ctl stop -m fast`) for `--outage-seconds` (30). Nothing may be acknowledged while it is
 * down, clients must be told the document is not saved, health must not say ok; after it returns
 * every pending edit must be acknowledged, stored, and every client must hold the same document.
 *
 * Phase 2, Redis outage: two server processes on that PostgreSQL and a private Redis, clients on
 * both, one document. Redis is stopped for `--redis-outage-seconds` (20): each process keeps
 * serving its own clients (edits reach its other clients and are acknowledged: PostgreSQL is up)
 * and logs the loss; after Redis returns every client on both processes converges, nothing lost.
 *
 * Both services are private instances on free ports (the machine's shared 5432/6379 are never
 * touched), removed at the end, on failure and on Ctrl-C. Prints the figures, writes
 * bench/results/chaos-deps-latest.json, exits 1 when an edit was lost, acknowledged while the
 * database was down, or clients did not converge.
 *
 * Options: --outage-seconds N, --redis-outage-seconds N, --clients N (phase 1; default 5),
 * --edit-interval-ms N (per client; default 200), --reconcile-ms N (COLLAB_RECONCILE_MS of the
 * phase 2 servers; default 1000).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { openDatabase } from "@/db/client";
import { documentContent } from "@/db/schema";
import { readDocumentLog } from "@/server/collab/read-document-log";
import { type ClientDocument, CollabTestClient } from "@/server/collab/testing/collab-test-client";
import { appendParagraph, documentText } from "@/server/collab/testing/collab-test-helpers";
import {
  destroyAllServices,
  type PrivatePostgres,
  type PrivateRedis,
  startPrivatePostgres,
  startPrivateRedis,
} from "./private-services";

const REPO = path.resolve(import.meta.dirname, "../..");
const READY_PREFIX = "CHAOS-READY ";
/**
 * An ack already on its way when `pg_ctl stop` returned (its commit finished before the
 * shutdown) may still be in a socket buffer: acks are counted as "while down" from this long
 * after the stop returned. Anything later cannot have been committed.
 */
const SHUTDOWN_GRACE_MS = 500;
const WARM_UP_MS = 3000;
const SETTLE_TIMEOUT_MS = 90_000;
/** The derived copy is written 2 s (contentDelayMs) after a change; allow it a few rounds. */
const CONTENT_WAIT_MS = 8000;

function numberOption(name: string, fallback: number): number {
  const index = process.argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return fallback;
  const arg = process.argv[index] ?? "";
  const raw = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : process.argv[index + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`chaos:deps: --${name} needs a positive number (got ${raw ?? "nothing"})\n`);
    process.exit(2);
  }
  return value;
}

const options = {
  outageSeconds: numberOption("outage-seconds", 30),
  redisOutageSeconds: numberOption("redis-outage-seconds", 20),
  clients: Math.round(numberOption("clients", 5)),
  editIntervalMs: numberOption("edit-interval-ms", 200),
  reconcileMs: Math.round(numberOption("reconcile-ms", 1000)),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function waitFor(condition: () => boolean, timeoutMs: number, stepMs = 50): Promise<number | null> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) return null;
    await sleep(stepMs);
  }
  return Date.now() - started;
}

// ---------------------------------------------------------------------------------------------
// Server processes

interface LogLine {
  at: number;
  text: string;
}

interface ServerChild {
  name: string;
  url: string;
  token?: string;
  documentId?: string;
  process: ChildProcess;
  lines: LogLine[];
  exit: { code: number | null; signal: string | null } | null;
}

const children: ServerChild[] = [];
const tempDirs: string[] = [];

async function startServer(
  name: string,
  env: { databaseUrl: string; redisUrl?: string; reconcileMs?: number },
  seed: boolean,
): Promise<ServerChild> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "parallax-chaos-deps-"));
  tempDirs.push(dataDir);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(REPO, "bench/chaos/deps-server.ts"), ...(seed ? ["--seed"] : [])],
    {
      cwd: REPO,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: env.databaseUrl,
        // Empty means unset (server/env.ts): phase 1 runs without Redis whatever the shell says.
        REDIS_URL: env.redisUrl ?? "",
        DATA_DIR: dataDir,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        LOG_LEVEL: "info",
        SEED_DEMO: "false",
        COLLAB_RECONCILE_MS: String(env.reconcileMs ?? 3000),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const server: ServerChild = { name, url: "", process: child, lines: [], exit: null };
  children.push(server);
  return new Promise((resolve, reject) => {
    let stderr = "";
    const keep = (text: string) => server.lines.push({ at: Date.now(), text });
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
      for (const text of String(chunk).split("\n")) if (text.trim()) keep(text);
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
      if (!text.startsWith(READY_PREFIX)) return keep(text);
      const info = JSON.parse(text.slice(READY_PREFIX.length)) as { port: number; token?: string; documentId?: string };
      Object.assign(server, { url: `http://127.0.0.1:${info.port}`, token: info.token, documentId: info.documentId });
      resolve(server);
    });
    child.once("exit", (code, signal) => {
      server.exit = { code, signal };
      reject(new Error(`server ${name} exited (${code ?? signal}) before it listened: ${stderr.slice(-2000)}`));
    });
  });
}

function killChildren(): void {
  for (const child of children) if (!child.exit) child.process.kill("SIGKILL");
}

interface HealthSample {
  at: number;
  http: number | null;
  status: string;
}

async function checkHealth(server: ServerChild): Promise<HealthSample> {
  const at = Date.now();
  try {
    const response = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json().catch(() => ({}))) as { status?: string };
    return { at, http: response.status, status: body.status ?? "unreadable" };
  } catch (error) {
    return {
      at,
      http: null,
      status: error instanceof Error && error.name === "TimeoutError" ? "timeout" : "no answer",
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Clients

interface AckRecord {
  at: number;
  ok: boolean;
  code?: string;
}

/** A CollabTestClient that edits on a timer with unique markers and timestamps what it hears. */
class Editor {
  readonly markers: { text: string; at: number }[] = [];
  readonly acks: AckRecord[] = [];
  readonly savedStates: { at: number; durable: boolean }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private count = 0;

  private constructor(
    readonly name: string,
    readonly server: ServerChild,
    readonly client: CollabTestClient,
    readonly entry: ClientDocument,
    readonly documentId: string,
  ) {
    // The test client keeps ack results in an array; the time each arrived is what this run is
    // about, so record it as it is pushed.
    const push = entry.acks.push.bind(entry.acks);
    entry.acks.push = (...items) => {
      for (const item of items)
        this.acks.push({ at: Date.now(), ok: item.ok, code: item.ok ? undefined : item.error.code });
      return push(...items);
    };
    client.socket.on("doc:saved-state", (id, state) => {
      if (id === documentId) this.savedStates.push({ at: Date.now(), durable: state.durable });
    });
  }

  static async open(name: string, server: ServerChild, token: string, documentId: string): Promise<Editor> {
    const client = await CollabTestClient.connect(server.url, { token });
    const entry = await client.join(documentId);
    return new Editor(name, server, client, entry, documentId);
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    const edit = () => {
      const text = `${this.name}-${this.count++}`;
      appendParagraph(this.entry.doc, text);
      this.markers.push({ text, at: Date.now() });
    };
    // Staggered, so the clients' edits interleave rather than arrive in lockstep.
    this.timer = setTimeout(() => {
      edit();
      this.timer = setInterval(edit, intervalMs);
    }, Math.random() * intervalMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  get unacked(): number {
    return this.entry.unacked;
  }

  lines(): Set<string> {
    return new Set(documentText(this.entry.doc).split("\n"));
  }

  close(): void {
    this.stop();
    this.client.close();
  }
}

function markersOf(editors: Editor[], from = 0, to = Number.POSITIVE_INFINITY): string[] {
  return editors.flatMap((editor) => editor.markers.filter((m) => m.at >= from && m.at < to).map((m) => m.text));
}

function missingFrom(lines: Set<string>, markers: string[]): string[] {
  return markers.filter((marker) => !lines.has(marker));
}

/** Every editor holds every marker and all hold the same text. */
function converged(editors: Editor[], markers: string[]): boolean {
  const texts = editors.map((editor) => documentText(editor.entry.doc));
  if (texts.some((text) => text !== texts[0])) return false;
  return missingFrom(new Set((texts[0] ?? "").split("\n")), markers).length === 0;
}

async function storedLines(databaseUrl: string, documentId: string): Promise<{ lines: string[]; rows: number }> {
  const handle = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const log = await readDocumentLog(handle.db, documentId);
    const doc = new Y.Doc();
    if (log.snapshot) Y.applyUpdate(doc, log.snapshot.state);
    for (const row of log.updates) Y.applyUpdate(doc, row.update);
    return { lines: documentText(doc).split("\n"), rows: log.updates.length };
  } finally {
    await handle.close();
  }
}

/** Polls `document_content` until it holds every marker; returns the markers still missing. */
async function waitForContentCopy(
  databaseUrl: string,
  documentId: string,
  markers: string[],
  timeoutMs: number,
): Promise<string[]> {
  const handle = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await handle.db
        .select({ text: documentContent.text })
        .from(documentContent)
        .where(eq(documentContent.documentId, documentId));
      const missing = missingFrom(new Set((row?.text ?? "").split("\n")), markers);
      if (missing.length === 0 || Date.now() > deadline) return missing;
      await sleep(250);
    }
  } finally {
    await handle.close();
  }
}

async function freshClientLines(server: ServerChild, token: string, documentId: string): Promise<Set<string>> {
  const client = await CollabTestClient.connect(server.url, { token });
  try {
    const entry = await client.join(documentId);
    return new Set(documentText(entry.doc).split("\n"));
  } finally {
    client.close();
  }
}

function duplicates(lines: string[], markers: string[]): number {
  const wanted = new Set(markers);
  const seen = new Map<string, number>();
  for (const line of lines) if (wanted.has(line)) seen.set(line, (seen.get(line) ?? 0) + 1);
  return [...seen.values()].filter((count) => count > 1).length;
}

// ---------------------------------------------------------------------------------------------
// Phase 1: PostgreSQL outage

interface PostgresPhase {
  outageSeconds: number;
  clients: number;
  edits: number;
  editsDuringOutage: number;
  ackedWhileDown: number;
  ackedDuringShutdownGrace: number;
  notSavedAcks: number;
  otherErrorAcks: Record<string, number>;
  clientsToldNotSaved: number;
  clientsToldSavedAgain: number;
  healthBefore: string;
  healthDuringOutage: Record<string, number>;
  healthDegraded: boolean;
  healthOkAfterRestartMs: number | null;
  unackedAtRestart: number;
  allAckedAfterRestartMs: number | null;
  storedRows: number;
  lostFromLog: number;
  lostFromFreshClient: number;
  duplicatedMarkers: number;
  convergedAfterMs: number | null;
  /** Edits made before the return missing from `document_content` (the derived copy) well after it. */
  contentCopyMissing: number;
  /** An edit made after the return: how long its ack took (null: refused or none). */
  ackAfterReturnMs: number | null;
  serverExited: boolean;
  stopMs: number;
  startMs: number;
}

async function runPostgresPhase(pg: PrivatePostgres): Promise<PostgresPhase> {
  say(`\n== Phase 1: PostgreSQL stopped for ${options.outageSeconds} s under ${options.clients} editing clients`);
  const server = await startServer("pg-outage", { databaseUrl: pg.url }, true);
  const { token, documentId } = server;
  if (!token || !documentId) throw new Error("the server did not seed");
  const healthBefore = await checkHealth(server);
  say(`server on ${server.url}; health before: ${healthBefore.http} ${healthBefore.status}`);

  const editors: Editor[] = [];
  for (let index = 0; index < options.clients; index += 1) {
    editors.push(await Editor.open(`pg-c${index + 1}`, server, token, documentId));
  }
  for (const editor of editors) editor.start(options.editIntervalMs);
  await sleep(WARM_UP_MS);

  const stopIssued = Date.now();
  await pg.stop();
  const stopReturned = Date.now();
  say(`PostgreSQL stopped (pg_ctl stop -m fast took ${stopReturned - stopIssued} ms); clients keep editing`);
  const health: HealthSample[] = [];
  const outageEnds = stopReturned + options.outageSeconds * 1000;
  // The clients stop a little before the outage ends (people stop typing once told "not saved"):
  // what they sent must be stored by retries alone, and the derived copy, whose last save failed,
  // must catch up without a later edit prompting it.
  const quietFrom = outageEnds - Math.min(3000, (options.outageSeconds * 1000) / 2);
  while (Date.now() < outageEnds) {
    if (Date.now() >= quietFrom) for (const editor of editors) editor.stop();
    health.push(await checkHealth(server));
    await sleep(
      Math.min(1000, Math.max(0, Math.min(outageEnds, Date.now() >= quietFrom ? outageEnds : quietFrom) - Date.now())),
    );
  }
  for (const editor of editors) editor.stop();
  const startIssued = Date.now();
  const unackedAtRestart = editors.reduce((sum, editor) => sum + editor.unacked, 0);
  await pg.start();
  const startReturned = Date.now();
  say(
    `PostgreSQL started again (pg_ctl start took ${startReturned - startIssued} ms); ${unackedAtRestart} edits unacknowledged`,
  );

  const allAckedAfter = waitFor(() => editors.every((editor) => editor.unacked === 0), SETTLE_TIMEOUT_MS, 20).then(
    (waited) => (waited === null ? null : Date.now() - startReturned),
  );
  const healthOkAfterRestartMs = await (async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const sample = await checkHealth(server);
      if (sample.status === "ok") return sample.at - startReturned;
      await sleep(200);
    }
    return null;
  })();
  const allAckedAfterRestartMs = await allAckedAfter;
  const beforeReturn = markersOf(editors);
  const contentMissing = await waitForContentCopy(pg.url, documentId, beforeReturn, CONTENT_WAIT_MS);

  // Ordinary service after the return, not only the backlog: one more edit, acknowledged at once.
  const [firstEditor] = editors as [Editor];
  const acksBefore = firstEditor.acks.length;
  const sentAfterReturn = Date.now();
  appendParagraph(firstEditor.entry.doc, "pg-after-return");
  firstEditor.markers.push({ text: "pg-after-return", at: sentAfterReturn });
  const ackAfterReturn = await waitFor(() => firstEditor.acks.length > acksBefore, 10_000, 5);
  const ackAfterReturnOk = firstEditor.acks[acksBefore]?.ok === true;

  const made = markersOf(editors);
  const convergedIn = await waitFor(() => converged(editors, made), 15_000);
  const stored = await storedLines(pg.url, documentId);
  const fresh = await freshClientLines(server, token, documentId);
  const acks = editors.flatMap((editor) => editor.acks);
  const otherErrorAcks: Record<string, number> = {};
  for (const ack of acks) {
    if (!ack.ok && ack.code !== "not_saved")
      otherErrorAcks[ack.code ?? "?"] = (otherErrorAcks[ack.code ?? "?"] ?? 0) + 1;
  }
  const healthDuringOutage: Record<string, number> = {};
  for (const sample of health) {
    const key = `${sample.http ?? "-"} ${sample.status}`;
    healthDuringOutage[key] = (healthDuringOutage[key] ?? 0) + 1;
  }
  const result: PostgresPhase = {
    outageSeconds: options.outageSeconds,
    clients: editors.length,
    edits: made.length,
    editsDuringOutage: markersOf(editors, stopReturned, startIssued).length,
    ackedWhileDown: acks.filter((ack) => ack.ok && ack.at >= stopReturned + SHUTDOWN_GRACE_MS && ack.at < startIssued)
      .length,
    ackedDuringShutdownGrace: acks.filter(
      (ack) => ack.ok && ack.at >= stopIssued && ack.at < stopReturned + SHUTDOWN_GRACE_MS,
    ).length,
    notSavedAcks: acks.filter((ack) => !ack.ok && ack.code === "not_saved").length,
    otherErrorAcks,
    clientsToldNotSaved: editors.filter((editor) =>
      editor.savedStates.some((state) => !state.durable && state.at >= stopIssued && state.at < startReturned + 1000),
    ).length,
    clientsToldSavedAgain: editors.filter((editor) =>
      editor.savedStates.some((state) => state.durable && state.at >= startIssued),
    ).length,
    healthBefore: `${healthBefore.http} ${healthBefore.status}`,
    healthDuringOutage,
    healthDegraded: health.length > 0 && health.every((sample) => sample.status !== "ok"),
    healthOkAfterRestartMs,
    unackedAtRestart,
    allAckedAfterRestartMs,
    storedRows: stored.rows,
    lostFromLog: missingFrom(new Set(stored.lines), made).length,
    lostFromFreshClient: missingFrom(fresh, made).length,
    duplicatedMarkers: duplicates(stored.lines, made),
    convergedAfterMs: convergedIn,
    contentCopyMissing: contentMissing.length,
    ackAfterReturnMs: ackAfterReturnOk ? ackAfterReturn : null,
    serverExited: server.exit !== null,
    stopMs: stopReturned - stopIssued,
    startMs: startReturned - startIssued,
  };
  for (const editor of editors) editor.close();
  server.process.kill("SIGKILL");

  say(
    `edits: ${result.edits} (${result.editsDuringOutage} while PostgreSQL was down), stored rows: ${result.storedRows}`,
  );
  say(
    `acks while down: ${result.ackedWhileDown} (plus ${result.ackedDuringShutdownGrace} in the shutdown window, commits that beat the stop); not_saved acks: ${result.notSavedAcks}; other error acks: ${JSON.stringify(otherErrorAcks)}`,
  );
  say(
    `clients told "not saved" (doc:saved-state durable=false): ${result.clientsToldNotSaved}/${editors.length}; told saved again: ${result.clientsToldSavedAgain}/${editors.length}`,
  );
  say(
    `health before: ${result.healthBefore}; during the outage: ${JSON.stringify(healthDuringOutage)}; ok again ${result.healthOkAfterRestartMs ?? "never"} ms after restart`,
  );
  say(
    `unacked at restart: ${unackedAtRestart}; all acknowledged ${allAckedAfterRestartMs === null ? "NEVER (timeout)" : `${allAckedAfterRestartMs} ms`} after restart`,
  );
  say(
    `derived copy (document_content): ${result.contentCopyMissing === 0 ? "current" : `STALE, ${result.contentCopyMissing} edits missing`} within ${CONTENT_WAIT_MS} ms of the last ack; an edit after the return acked in ${result.ackAfterReturnMs ?? "NEVER"} ms`,
  );
  say(
    `lost: ${result.lostFromLog} from the log, ${result.lostFromFreshClient} from a fresh client; duplicated markers: ${result.duplicatedMarkers}; clients converged: ${convergedIn === null ? "NO" : `yes (${convergedIn} ms after the last ack)`}`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// Phase 2: Redis outage

interface RedisPhase {
  outageSeconds: number;
  reconcileMs: number;
  clientsPerProcess: number;
  edits: number;
  editsDuringOutage: number;
  servedLocally: boolean;
  localDeliveryMs: number | null;
  crossProcessDuringOutage: { arrived: number; expected: number };
  acksDuringOutage: { ok: number; errors: Record<string, number> };
  unackedAtRedisReturn: number;
  convergedAfterRedisReturnMs: number | null;
  probeLatencyMs: { before: number[]; during: number[]; after: number[] };
  healthDuringOutage: Record<string, number>;
  storedRows: number;
  lostFromLog: number;
  lostFromClients: number;
  /** Per client: markers it lacks at the end, a few of them, and the `doc:error` codes it got. */
  missingByClient: Record<string, unknown>;
  /** Warnings and errors the servers logged that are not about Redis (message → count). */
  otherProblems: { A: Record<string, number>; B: Record<string, number> };
  /** Markers a client joining each process at the end lacks (what the process itself holds). */
  missingOnFreshClients: { A: number; B: number };
  serverDocuments: { A: unknown; B: unknown };
  clientStateVectors: Record<string, unknown>;
  duplicatedMarkers: number;
  finalConvergedMs: number | null;
  redisLog: Record<string, { lines: number; messages: Record<string, number> }>;
  serverExited: boolean;
}

/** Time for an edit on one process to reach a client on the other (relay, or reconciliation). */
async function probe(from: Editor, to: Editor, label: string): Promise<number> {
  const text = `probe-${label}-${randomBytes(3).toString("hex")}`;
  const sent = Date.now();
  appendParagraph(from.entry.doc, text);
  from.markers.push({ text, at: sent });
  const took = await waitFor(() => to.lines().has(text), 15_000, 5);
  return took ?? -1;
}

/** Warnings and errors of a server since `from` that are not about Redis, counted by message. */
function otherProblems(server: ServerChild, from: number): Record<string, number> {
  const messages: Record<string, number> = {};
  for (const line of server.lines) {
    if (line.at < from || /redis/i.test(line.text)) continue;
    try {
      const parsed = JSON.parse(line.text) as { level?: number; msg?: string; err?: { message?: string } };
      if ((parsed.level ?? 0) < 40) continue;
      const key = `${parsed.msg ?? "?"}${parsed.err?.message ? ` (${parsed.err.message.slice(0, 80)})` : ""}`;
      messages[key] = (messages[key] ?? 0) + 1;
    } catch {
      messages[line.text.slice(0, 120)] = (messages[line.text.slice(0, 120)] ?? 0) + 1;
    }
  }
  return messages;
}

function redisLines(
  server: ServerChild,
  from: number,
): { lines: number; messages: Record<string, number>; sample: string[] } {
  const messages: Record<string, number> = {};
  const sample: string[] = [];
  let lines = 0;
  for (const line of server.lines) {
    if (line.at < from || !/redis/i.test(line.text)) continue;
    lines += 1;
    let key = line.text.slice(0, 160);
    try {
      const parsed = JSON.parse(line.text) as { level?: number; msg?: string; err?: { message?: string } };
      const level = { 30: "info", 40: "warn", 50: "error", 60: "fatal" }[parsed.level ?? 0] ?? String(parsed.level);
      key = `${level}: ${parsed.msg ?? "?"}${parsed.err?.message ? ` (${parsed.err.message.slice(0, 80)})` : ""}`;
    } catch {
      // Not a pino line (stderr): keep its start as the key.
    }
    messages[key] = (messages[key] ?? 0) + 1;
    if (sample.length < 3) sample.push(line.text.slice(0, 300));
  }
  return { lines, messages, sample };
}

async function runRedisPhase(pg: PrivatePostgres, redis: PrivateRedis): Promise<RedisPhase> {
  const perProcess = Math.max(2, Math.ceil(options.clients / 2));
  say(
    `\n== Phase 2: Redis stopped for ${options.redisOutageSeconds} s under two processes with ${perProcess} editing clients each (COLLAB_RECONCILE_MS=${options.reconcileMs})`,
  );
  const env = { databaseUrl: pg.url, redisUrl: redis.url, reconcileMs: options.reconcileMs };
  const first = await startServer("redis-a", env, true);
  const second = await startServer("redis-b", env, false);
  const { token, documentId } = first;
  if (!token || !documentId) throw new Error("the server did not seed");
  say(`servers on ${first.url} (A) and ${second.url} (B); Redis on ${redis.url}`);
  const onA: Editor[] = [];
  const onB: Editor[] = [];
  for (let index = 0; index < perProcess; index += 1) {
    onA.push(await Editor.open(`redis-a${index + 1}`, first, token, documentId));
    onB.push(await Editor.open(`redis-b${index + 1}`, second, token, documentId));
  }
  const editors = [...onA, ...onB];
  const [a0, b0] = [onA[0], onB[0]] as [Editor, Editor];
  const probes = { before: [] as number[], during: [] as number[], after: [] as number[] };
  for (let index = 0; index < 3; index += 1) probes.before.push(await probe(a0, b0, "before"));
  for (const editor of editors) editor.start(options.editIntervalMs);
  await sleep(WARM_UP_MS);

  const stopIssued = Date.now();
  await redis.stop();
  const stopReturned = Date.now();
  say(`Redis stopped (${stopReturned - stopIssued} ms); clients keep editing`);
  const outageEnds = stopReturned + options.redisOutageSeconds * 1000;
  // The last stretch of the outage is quiet, so that local delivery can be checked before Redis
  // returns (the time it takes is reported).
  const quietMs = Math.min(2000, (options.redisOutageSeconds * 1000) / 3);
  const health: HealthSample[] = [];
  while (Date.now() < outageEnds - quietMs) {
    health.push(await checkHealth(first));
    await sleep(Math.min(1000, Math.max(0, outageEnds - quietMs - Date.now())));
  }
  for (const editor of editors) editor.stop();
  const editsStopped = Date.now();
  const local = (group: Editor[]) => markersOf(group, stopReturned, editsStopped);
  const localDeliveryMs = await waitFor(
    () =>
      [onA, onB].every((group) => {
        const made = local(group);
        return group.every((editor) => missingFrom(editor.lines(), made).length === 0);
      }),
    Math.max(0, outageEnds - Date.now() - 200),
  );
  const probesDuring = Math.max(0, outageEnds - Date.now()) > options.reconcileMs * 2 + 500;
  if (probesDuring) probes.during.push(await probe(a0, b0, "during"));
  const crossExpected = local(onA).length * onB.length + local(onB).length * onA.length;
  const crossArrived =
    onB.reduce((sum, editor) => sum + (local(onA).length - missingFrom(editor.lines(), local(onA)).length), 0) +
    onA.reduce((sum, editor) => sum + (local(onB).length - missingFrom(editor.lines(), local(onB)).length), 0);
  await sleep(Math.max(0, outageEnds - Date.now()));
  const unackedAtRedisReturn = editors.reduce((sum, editor) => sum + editor.unacked, 0);
  const startIssued = Date.now();
  await redis.start();
  const startReturned = Date.now();
  say(`Redis started again (${startReturned - startIssued} ms)`);

  const madeSoFar = markersOf(editors);
  const convergedAfterRedisReturnMs = await waitFor(() => converged(editors, madeSoFar), 30_000);
  // Relay traffic again: a few probes once the clients reconnected (node-redis backs off up to 2 s).
  await sleep(3000);
  for (let index = 0; index < 3; index += 1) probes.after.push(await probe(a0, b0, "after"));
  for (const editor of editors) editor.start(options.editIntervalMs);
  await sleep(WARM_UP_MS);
  for (const editor of editors) editor.stop();
  await waitFor(() => editors.every((editor) => editor.unacked === 0), SETTLE_TIMEOUT_MS);
  const made = markersOf(editors);
  const finalConvergedMs = await waitFor(() => converged(editors, made), 30_000);
  const stored = await storedLines(pg.url, documentId);
  const markerAt = new Map(editors.flatMap((editor) => editor.markers.map((m) => [m.text, m.at] as const)));
  const acksDuring = editors
    .flatMap((editor) => editor.acks)
    .filter((ack) => ack.at >= stopReturned && ack.at < startIssued);
  const errors: Record<string, number> = {};
  for (const ack of acksDuring) if (!ack.ok) errors[ack.code ?? "?"] = (errors[ack.code ?? "?"] ?? 0) + 1;
  const healthDuringOutage: Record<string, number> = {};
  for (const sample of health) {
    const key = `${sample.http ?? "-"} ${sample.status}`;
    healthDuringOutage[key] = (healthDuringOutage[key] ?? 0) + 1;
  }
  const logs = { A: redisLines(first, stopIssued), B: redisLines(second, stopIssued) };
  const result: RedisPhase = {
    outageSeconds: options.redisOutageSeconds,
    reconcileMs: options.reconcileMs,
    clientsPerProcess: perProcess,
    edits: made.length,
    editsDuringOutage: markersOf(editors, stopReturned, startIssued).length,
    servedLocally: localDeliveryMs !== null && Object.keys(errors).length === 0 && unackedAtRedisReturn === 0,
    localDeliveryMs,
    crossProcessDuringOutage: { arrived: crossArrived, expected: crossExpected },
    acksDuringOutage: { ok: acksDuring.filter((ack) => ack.ok).length, errors },
    unackedAtRedisReturn,
    convergedAfterRedisReturnMs,
    probeLatencyMs: probes,
    healthDuringOutage,
    storedRows: stored.rows,
    lostFromLog: missingFrom(new Set(stored.lines), made).length,
    lostFromClients: editors.reduce((sum, editor) => sum + missingFrom(editor.lines(), made).length, 0),
    otherProblems: { A: otherProblems(first, 0), B: otherProblems(second, 0) },
    missingByClient: Object.fromEntries(
      editors.map((editor) => {
        const missing = missingFrom(editor.lines(), made);
        return [
          editor.name,
          {
            missing: missing.length,
            sample: missing.slice(0, 5),
            errors: editor.client.errors.map((e) => e.error.code),
            pendingStructs: editor.entry.doc.store.pendingStructs !== null,
            byWindow: {
              beforeStop: missing.filter((m) => (markerAt.get(m) ?? 0) < stopIssued).length,
              duringOutage: missing.filter(
                (m) => (markerAt.get(m) ?? 0) >= stopIssued && (markerAt.get(m) ?? 0) < startReturned,
              ).length,
              afterReturn: missing.filter((m) => (markerAt.get(m) ?? 0) >= startReturned).length,
            },
          },
        ];
      }),
    ),
    serverDocuments: {
      A: await (await fetch(`${first.url}/debug/document/${documentId}`)).json(),
      B: await (await fetch(`${second.url}/debug/document/${documentId}`)).json(),
    },
    clientStateVectors: Object.fromEntries(
      editors.map((editor) => [
        editor.name,
        Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(editor.entry.doc))),
      ]),
    ),
    missingOnFreshClients: {
      A: missingFrom(await freshClientLines(first, token, documentId), made).length,
      B: missingFrom(await freshClientLines(second, token, documentId), made).length,
    },
    duplicatedMarkers: duplicates(stored.lines, made),
    finalConvergedMs,
    redisLog: {
      A: { lines: logs.A.lines, messages: logs.A.messages },
      B: { lines: logs.B.lines, messages: logs.B.messages },
    },
    serverExited: first.exit !== null || second.exit !== null,
  };
  for (const editor of editors) editor.close();
  first.process.kill("SIGKILL");
  second.process.kill("SIGKILL");

  say(`edits: ${result.edits} (${result.editsDuringOutage} while Redis was down), stored rows: ${result.storedRows}`);
  say(
    `during the outage: acks ok ${result.acksDuringOutage.ok}, error acks ${JSON.stringify(errors)}, unacked when Redis returned ${unackedAtRedisReturn}; health ${JSON.stringify(healthDuringOutage)}`,
  );
  say(
    `served locally: ${result.servedLocally ? "yes" : "NO"} (each process's outage edits on all its clients ${localDeliveryMs === null ? "NEVER" : `${localDeliveryMs} ms`} after the last edit); cross-process during the outage (reconciliation): ${crossArrived}/${crossExpected}`,
  );
  say(
    `probe A→B latency ms: before ${probes.before.join(", ")}; during ${probes.during.join(", ") || "-"}; after ${probes.after.join(", ")}`,
  );
  say(
    `converged after Redis returned: ${convergedAfterRedisReturnMs === null ? "NO" : `${convergedAfterRedisReturnMs} ms`}; final: ${finalConvergedMs === null ? "NO" : "yes"}; lost: ${result.lostFromLog} from the log, ${result.lostFromClients} marker×client missing; duplicated markers: ${result.duplicatedMarkers}`,
  );
  for (const [name, log] of Object.entries(logs)) {
    say(`process ${name} log lines about Redis since the stop: ${log.lines}`);
    for (const [message, count] of Object.entries(log.messages)) say(`  ${count}× ${message}`);
    for (const line of log.sample) say(`  e.g. ${line}`);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

function postgresFailures(phase: PostgresPhase): string[] {
  const failures: string[] = [];
  if (phase.ackedWhileDown > 0) failures.push(`${phase.ackedWhileDown} edits acknowledged while PostgreSQL was down`);
  if (phase.lostFromLog > 0 || phase.lostFromFreshClient > 0) failures.push("edits lost in the PostgreSQL outage");
  if (phase.allAckedAfterRestartMs === null)
    failures.push("pending edits never acknowledged after PostgreSQL returned");
  if (phase.convergedAfterMs === null) failures.push("clients did not converge after the PostgreSQL outage");
  if (phase.contentCopyMissing > 0) failures.push("the derived document copy missed edits made in the outage");
  if (phase.ackAfterReturnMs === null) failures.push("an edit after PostgreSQL returned was not acknowledged");
  if (!phase.healthDegraded) failures.push("health said ok while PostgreSQL was down");
  if (phase.clientsToldNotSaved < phase.clients) failures.push("not every client was told its edits are not saved");
  if (phase.serverExited) failures.push("the server process died in the PostgreSQL outage");
  return failures;
}

function redisFailures(phase: RedisPhase): string[] {
  const failures: string[] = [];
  if (phase.lostFromLog > 0) failures.push("edits lost from the log in the Redis outage");
  if (phase.lostFromClients > 0)
    failures.push(`${phase.lostFromClients} marker×client missing on connected clients at the end`);
  if (!phase.servedLocally) failures.push("a process did not serve its own clients while Redis was down");
  if (phase.convergedAfterRedisReturnMs === null || phase.finalConvergedMs === null) {
    failures.push("clients did not converge after Redis returned");
  }
  if (phase.serverExited) failures.push("a server process died in the Redis outage");
  return failures;
}

function postgresSummary(phase: PostgresPhase): string {
  const acked = phase.allAckedAfterRestartMs === null ? "never" : `${seconds(phase.allAckedAfterRestartMs)} s`;
  return (
    `postgres outage ${phase.outageSeconds} s: ${phase.edits} edits, ${phase.ackedWhileDown} acked while down, ` +
    `${phase.clientsToldNotSaved}/${phase.clients} clients told not saved (${phase.notSavedAcks} not_saved acks), ` +
    `health degraded: ${phase.healthDegraded ? "yes" : "no"}, all acked ${acked} after return, ` +
    `lost ${phase.lostFromLog + phase.lostFromFreshClient}`
  );
}

function redisSummary(phase: RedisPhase): string {
  const converge = phase.convergedAfterRedisReturnMs;
  return (
    `redis outage ${phase.outageSeconds} s: ${phase.edits} edits, served locally: ${phase.servedLocally ? "yes" : "no"}, ` +
    `converged after ${converge === null ? `never (${phase.lostFromClients} marker×client missing on clients)` : `${seconds(converge)} s`}, lost ${phase.lostFromLog}`
  );
}

let cleanedUp = false;
function cleanUp(): void {
  if (cleanedUp) return;
  cleanedUp = true;
  killChildren();
  destroyAllServices();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nchaos:deps: ${signal}, removing the private PostgreSQL and Redis\n`);
    cleanUp();
    process.exit(130);
  });
}

async function main(): Promise<number> {
  const started = new Date();
  say(`chaos:deps ${JSON.stringify(options)}`);
  const pg = await startPrivatePostgres();
  say(`private PostgreSQL 15 on port ${pg.port}`);
  const redis = await startPrivateRedis();
  say(`private Redis on port ${redis.port}`);
  const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
  const postgres = only === "redis" ? null : await runPostgresPhase(pg);
  const redisPhase = only === "postgres" ? null : await runRedisPhase(pg, redis);

  const failures = [...(postgres ? postgresFailures(postgres) : []), ...(redisPhase ? redisFailures(redisPhase) : [])];

  const results = {
    date: started.toISOString(),
    options,
    postgres,
    redis: redisPhase,
    failures,
    ok: failures.length === 0,
  };
  const directory = path.join(REPO, "bench/results");
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, "chaos-deps-latest.json");
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  say(`\nwrote ${path.relative(REPO, file)}`);
  for (const failure of failures) say(`FAILED: ${failure}`);
  say(
    `chaos:deps: ${[postgres && postgresSummary(postgres), redisPhase && redisSummary(redisPhase)].filter(Boolean).join("; ")}`,
  );
  return failures.length === 0 ? 0 : 1;
}

main()
  .then(
    (code) => code,
    (error: unknown) => {
      process.stderr.write(
        `chaos:deps failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      return 1;
    },
  )
  .then((code) => {
    cleanUp();
    process.exit(code);
  });
