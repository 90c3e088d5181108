/**
 * Chaos soak (issue 8): many people editing and moving their carets for a long time against one
 * real server process, checking that it neither leaks nor slows down nor fails anyone.
 *
 *   npm run chaos:soak -- [--minutes 10] [--clients 200] [--documents 10] [--database pglite|postgres]
 *
 * The server is bench/server-process.ts (the real attachSocketServer with production defaults,
 * without Next) on a freshly seeded database: PGlite in a temporary directory (the default
 * deployment) or a new database on the local PostgreSQL (BENCH_DATABASE_URL), dropped at the end.
 * Clients are bench/bench-client.ts connections in this process, one per person, spread over the
 * documents, each typing a keystroke every 1–3 s with a caret move after each.
 *
 * Prints a table per minute and a verdict; exits 1 when server memory grew ≥ 10 % after warm-up,
 * any error or disconnect happened, or the last minute's p95 round trip is over twice the first
 * post-warm-up minute's. Writes bench/results/chaos-soak-latest.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { BenchClient } from "../bench-client";
import { createBenchDirectory, createPostgresDatabase, packageVersion, postgresVersion } from "../bench-database";
import { EditTracker } from "../edit-tracker";
import { forkScript, nextMessage, type PeerProcess, spawnPeerProcess } from "../spawn-peer";
import { cpuPercent, sleepUntil, summarize, waitUntil } from "../stats";
import {
  judgeSoak,
  type MemorySample,
  medianMemory,
  renderSoakTable,
  type SoakWindow,
  soakWindows,
  type WindowFigures,
} from "./soak-report";
import type { SoakSeed } from "./soak-seed";
import { emptyFaults, type SoakFaults, SoakTypist } from "./soak-typist";

interface SoakOptions {
  minutes: number;
  clients: number;
  documents: number;
  database: "pglite" | "postgres";
  postgresUrl: string;
  /** Seconds between two server memory readings. */
  sampleSeconds: number;
}

/** Reads `--name value` or `--name=value`. */
function flag(argv: string[], name: string): string | undefined {
  const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  const arg = argv[index] ?? "";
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[index + 1];
}

function parseSoakOptions(argv: string[]): SoakOptions {
  const number = (name: string, fallback: number, min: number) => {
    const value = Number(flag(argv, name) ?? fallback);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return value;
  };
  const database = flag(argv, "database") ?? "pglite";
  if (database !== "pglite" && database !== "postgres") throw new Error("--database must be pglite or postgres");
  return {
    minutes: number("minutes", 10, 0.5),
    clients: Math.round(number("clients", 200, 2)),
    documents: Math.round(number("documents", 10, 1)),
    database,
    postgresUrl: process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    sampleSeconds: number("sample-seconds", 10, 1),
  };
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Production defaults: unlike the comparison bench, the per-connection message limit stays at 200/s. */
const SERVER_ENV = {
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  AUTH_SECRET: "soak-only-secret-soak-only-secret-0123456789",
  REDIS_URL: "",
};

/** One person: their connection, the document they type in, and their typing. */
interface Person {
  client: BenchClient;
  documentId: string;
  doc: Y.Doc;
  typist: SoakTypist;
}

async function seedSoak(env: Record<string, string>, users: number, documents: number): Promise<SoakSeed> {
  const child = forkScript("chaos/soak-seed.ts", [String(users), String(documents)], env);
  const { seed } = await nextMessage(child, "prepared");
  if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
  return seed as SoakSeed;
}

async function connectPeople(
  server: PeerProcess,
  seed: SoakSeed,
  count: number,
  tracker: EditTracker,
  faults: SoakFaults,
): Promise<Person[]> {
  const people: Person[] = [];
  const connectOne = async (index: number): Promise<Person> => {
    const client = await BenchClient.connect(server.url, seed.tokens[index % seed.tokens.length] ?? "");
    const documentId = seed.documents[index % seed.documents.length] ?? "";
    const entry = await client.join(documentId, { presence: true });
    tracker.observe(entry.doc);
    const typist = new SoakTypist({ client, documentId, entry, tracker, faults, pauseMs: [1000, 3000] });
    return { client, documentId, doc: entry.doc, typist };
  };
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, offset) => connectOne(start + offset));
    people.push(...(await Promise.all(batch)));
  }
  return people;
}

const textOf = (doc: Y.Doc) => doc.getXmlFragment(EDITOR_FIELD).toString();

/**
 * After the typing stopped: waits for every ack and for all copies of a document to hold the same
 * state, then compares each document's text across its people and with a fresh client's copy
 * (what the server holds). Returns the problems found.
 */
async function checkConvergence(server: PeerProcess, seed: SoakSeed, people: Person[]): Promise<string[]> {
  const sameState = () =>
    seed.documents.every((documentId) => {
      const vectors = people
        .filter((person) => person.documentId === documentId)
        .map((person) => Buffer.from(Y.encodeStateVector(person.doc)));
      return vectors.every((vector) => vector.equals(vectors[0] ?? vector));
    });
  const settled = () => people.every((person) => person.typist.unacknowledged() === 0) && sameState();
  const problems: string[] = [];
  await waitUntil(settled, 60_000, "acks and convergence", 100).catch((error: Error) => problems.push(error.message));
  const unacknowledged = people.reduce((sum, person) => sum + person.typist.unacknowledged(), 0);
  if (unacknowledged > 0) problems.push(`${unacknowledged} edit(s) never acknowledged`);
  for (const documentId of seed.documents) {
    const texts = new Set(
      people.filter((person) => person.documentId === documentId).map((person) => textOf(person.doc)),
    );
    const verifier = await BenchClient.connect(server.url, seed.tokens[0] ?? "");
    const stored = textOf((await verifier.join(documentId, { presence: false })).doc);
    verifier.close();
    if (texts.size !== 1) problems.push(`document ${documentId}: its people hold ${texts.size} different texts`);
    else if (!texts.has(stored)) problems.push(`document ${documentId}: the server's copy differs from its people's`);
  }
  return problems;
}

interface WindowRaw {
  window: SoakWindow;
  delivery: number[];
  serverCpuPercent: number;
  clientCpuPercent: number;
  loadAverage: number;
}

/** Lets the people type through every window, reading server memory every `sampleSeconds`. */
async function typeThroughWindows(
  server: PeerProcess,
  people: Person[],
  tracker: EditTracker,
  windows: SoakWindow[],
  options: SoakOptions,
): Promise<{ started: number; raw: WindowRaw[]; memory: MemorySample[] }> {
  const memory: MemorySample[] = [];
  const raw: WindowRaw[] = [];
  const started = performance.now();
  let sampling = false;
  const sampler = setInterval(() => {
    if (sampling) return;
    sampling = true;
    const at = performance.now() - started;
    server
      .memory()
      .then((reading) => memory.push({ at, ...reading }))
      .finally(() => {
        sampling = false;
      });
  }, options.sampleSeconds * 1000);
  for (const person of people) person.typist.start();
  let serverCpu = await server.cpu();
  let clientCpu = process.cpuUsage();
  let windowStarted = performance.now();
  for (const window of windows) {
    await sleepUntil(started + window.to, performance.now());
    const delivery = tracker.samples.flat();
    tracker.clearSamples();
    const [serverCpuNow, clientCpuNow, now] = [await server.cpu(), process.cpuUsage(), performance.now()];
    raw.push({
      window,
      delivery,
      serverCpuPercent: cpuPercent(serverCpu, serverCpuNow, now - windowStarted),
      clientCpuPercent: cpuPercent(clientCpu, clientCpuNow, now - windowStarted),
      loadAverage: os.loadavg()[0] ?? 0,
    });
    const last = memory.at(-1);
    log(
      `  ${window.label}: ${summarize(delivery).samples} deliveries, delivery p95 ${summarize(delivery).p95} ms` +
        (last ? `, server RSS ${(last.rss / 1024 / 1024).toFixed(1)} MB` : ""),
    );
    [serverCpu, clientCpu, windowStarted] = [serverCpuNow, clientCpuNow, now];
  }
  for (const person of people) person.typist.stop();
  clearInterval(sampler);
  return { started, raw, memory };
}

function figuresOf(raw: WindowRaw[], people: Person[], started: number, memory: MemorySample[]): WindowFigures[] {
  return raw.map(({ window, delivery, ...rest }) => {
    const from = started + window.from;
    const to = started + window.to;
    return {
      window,
      keystrokes: people.reduce((sum, person) => sum + person.typist.ackSamples(from, to).length, 0),
      roundTripMs: summarize(people.flatMap((person) => person.typist.ackSamples(from, to))),
      deliveryMs: summarize(delivery),
      rssBytes: medianMemory(memory, window, (sample) => sample.rss),
      heapExternalBytes: medianMemory(memory, window, (sample) => sample.heapUsed + sample.external),
      ...rest,
    };
  });
}

async function main(): Promise<number> {
  const options = parseSoakOptions(process.argv.slice(2));
  const disposers: (() => Promise<void> | void)[] = [];
  try {
    const directory = createBenchDirectory();
    disposers.push(directory.dispose);
    const env: Record<string, string> = { ...SERVER_ENV, DATA_DIR: directory.path, DATABASE_URL: "" };
    let databaseVersion = `PGlite ${packageVersion("@electric-sql/pglite")} (in the server process)`;
    if (options.database === "postgres") {
      const created = await createPostgresDatabase(options.postgresUrl, "parallax_soak");
      disposers.push(created.dispose);
      env.DATABASE_URL = created.url;
      databaseVersion = await postgresVersion(options.postgresUrl);
    }
    log(
      `chaos soak: ${options.clients} clients, ${options.documents} documents, ${options.minutes} min, ${databaseVersion}`,
    );
    const seed = await seedSoak(env, Math.min(options.clients, 200), options.documents);
    const server = await spawnPeerProcess("server-process.ts", ["serve"], env);
    disposers.push(() => server.stop());

    const tracker = new EditTracker();
    const faults = emptyFaults();
    const connecting = performance.now();
    const people = await connectPeople(server, seed, options.clients, tracker, faults);
    const connectMs = Math.round(performance.now() - connecting);
    log(`${people.length} clients connected and joined in ${connectMs} ms; typing…`);

    const windows = soakWindows(options.minutes * 60_000);
    const { started, raw, memory } = await typeThroughWindows(server, people, tracker, windows, options);
    const problems = await checkConvergence(server, seed, people);
    for (const person of people) person.typist.collectRefusals();
    for (const person of people) person.client.close();

    const figures = figuresOf(raw, people, started, memory);
    const faultCount = faults.disconnects + Object.values(faults.errors).reduce((sum, count) => sum + count, 0);
    const verdict = judgeSoak(figures, faultCount + problems.length);
    log("");
    log("rt = edit sent → committed ack (round trip), dl = edit made → each other client applied it; ms");
    log(renderSoakTable(figures));
    for (const problem of [...problems, ...faults.samples]) log(`  error: ${problem}`);
    const totals = {
      keystrokes: people.reduce((sum, person) => sum + person.typist.keystrokes, 0),
      awarenessUpdates: people.reduce((sum, person) => sum + person.typist.awarenessUpdates, 0),
    };
    const results = {
      date: new Date().toISOString(),
      options: { ...options, postgresUrl: options.database === "postgres" ? options.postgresUrl : undefined },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryBytes: os.totalmem(),
        node: process.version,
      },
      server: {
        script: "bench/server-process.ts serve",
        database: databaseVersion,
        env: { ...env, AUTH_SECRET: "(soak secret)" },
      },
      connectMs,
      totals,
      windows: figures,
      memorySamples: memory,
      faults,
      problems,
      verdict,
    };
    const file = path.join(import.meta.dirname, "..", "results", "chaos-soak-latest.json");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`results: ${path.relative(process.cwd(), file)}`);
    log(
      `${verdict.passed ? "PASS" : "FAIL"} chaos soak: ${options.clients} clients × ${options.minutes} min, ` +
        `${totals.keystrokes} keystrokes; server memory after warm-up RSS ${signed(verdict.rssGrowthPercent)} %, ` +
        `heap+external ${signed(verdict.heapExternalGrowthPercent)} %; p95 round trip last/first minute ` +
        `${verdict.roundTripP95Ratio}×; ${verdict.errors} errors` +
        (verdict.passed ? "" : ` — ${verdict.failures.join("; ")}`),
    );
    return verdict.passed ? 0 : 1;
  } finally {
    for (const dispose of disposers.reverse()) await dispose();
  }
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `chaos soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
