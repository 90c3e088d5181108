/**
 * `npm run chaos:fuzz -- [--frames N] [--seed N] [--max-heap-growth-mb N]`: the long run of the
 * collaboration protocol fuzzer (server/collab/protocol-fuzz.test.ts is the short one). Starts the
 * real Socket.io + collaboration server in this process on an in-memory PGlite, throws N hostile
 * frames at it (server/collab/testing/fuzz-frames.ts), alternately one at a time (each answer and
 * the sandbox document checked) and as floods, while an honest client edits a document the fuzzer
 * may only read. Prints frames tried, frames/s, answers by error code and memory before and after;
 * exits 1 when the server died or stopped answering, an honest client saw a change it did not
 * make, a refused frame changed a document, or the heap grew past the bound.
 *
 * A failing run is replayed with the same `--seed` (and `--frames`): batch i uses seed + i.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";

interface FuzzOptions {
  frames: number;
  seed: number;
  maxHeapGrowthMb: number;
}

const BATCH = 250;
const MAX_MESSAGE_BYTES = 64 * 1024;

function parseOptions(argv: string[]): FuzzOptions {
  const options: FuzzOptions = { frames: 100_000, seed: 1, maxHeapGrowthMb: 100 };
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = (argv[index] ?? "").split("=", 2);
    const value = Number(inline ?? argv[index + 1]);
    if (inline === undefined) index += 1;
    if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} needs a number`);
    if (flag === "--frames") options.frames = Math.floor(value);
    else if (flag === "--seed") options.seed = Math.floor(value);
    else if (flag === "--max-heap-growth-mb") options.maxHeapGrowthMb = value;
    else throw new Error(`unknown option ${flag} (use --frames N, --seed N, --max-heap-growth-mb N)`);
  }
  return options;
}

/** A full collection, so before/after compare what is still referenced. */
const collectGarbage: () => void = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

function memory(): { heapMb: number; externalMb: number; rssMb: number } {
  collectGarbage();
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapMb: heapUsed / 2 ** 20, externalMb: external / 2 ** 20, rssMb: rss / 2 ** 20 };
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const mb = (value: number) => `${value.toFixed(1)} MB`;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = mkdtempSync(path.join(tmpdir(), "parallax-fuzz-"));
  // The server under test reads its settings from the environment (server/env.ts) on first use.
  process.env.DATA_DIR = dataDir;
  process.env.LOG_LEVEL ??= "error";
  let serverFault: unknown = null;
  process.on("uncaughtException", (error) => {
    serverFault = error;
  });
  process.on("unhandledRejection", (error) => {
    serverFault = error;
  });

  const [{ openDatabase, setDatabase }, { migrateDatabase }, testServer, frames, fuzzSession] = await Promise.all([
    import("@/db/client"),
    import("@/db/migrate"),
    import("@/server/collab/testing/start-collab-test-server"),
    import("@/server/collab/testing/fuzz-frames"),
    import("@/server/collab/testing/fuzz-session"),
  ]);
  const database = await openDatabase({});
  await migrateDatabase(database);
  setDatabase(database);
  const server = await testServer.startCollabTestServer({
    collab: { maxMessageBytes: MAX_MESSAGE_BYTES, messagesPerSecond: 1_000_000 },
  });
  const session = await fuzzSession.startFuzzSession(server, { maxMessageBytes: MAX_MESSAGE_BYTES });
  const arbitrary = frames.fuzzFrame(session.targets);

  log(`chaos:fuzz  frames=${options.frames} seed=${options.seed} batch=${BATCH}`);
  const before = memory();
  const started = performance.now();
  let lastReport = started;
  for (let batch = 0; session.stats.frames < options.frames && serverFault === null; batch += 1) {
    const count = Math.min(BATCH, options.frames - session.stats.frames);
    const sample = fc.sample(arbitrary, { seed: options.seed + batch, numRuns: count });
    if (batch % 2 === 0) for (const frame of sample) await session.send(frame);
    else await session.flood(sample);
    await session.honestEdit();
    if (session.failures.length > 0) break;
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      const seconds = (lastReport - started) / 1000;
      log(`  ${session.stats.frames} frames, ${(session.stats.frames / seconds).toFixed(0)}/s`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // Measured with the server and every connection still up: presence and documents included.
  const after = memory();
  if (serverFault === null) await session.finish();
  await server.close();
  await database.close();
  setDatabase(undefined);
  rmSync(dataDir, { recursive: true, force: true });

  const { stats, failures } = session;
  const sorted = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([key, value]) => `${key}=${value}`)
      .join(" ");
  log(`frames tried     ${stats.frames} in ${seconds.toFixed(1)} s (${(stats.frames / seconds).toFixed(0)} frames/s)`);
  log(`answers          ${sorted(stats.answers)}`);
  log(`doc:error events ${sorted(stats.errorEvents)}`);
  log(`frame kinds      ${sorted(stats.kinds)}`);
  log(`connections dropped by the server: ${sorted(stats.dropped) || "none"}`);
  log(`heap             ${mb(before.heapMb)} -> ${mb(after.heapMb)} (${mb(after.heapMb - before.heapMb)})`);
  // PGlite's WebAssembly memory and Buffers: informative only, PGlite grows it in large steps.
  log(`external         ${mb(before.externalMb)} -> ${mb(after.externalMb)}`);
  log(`rss              ${mb(before.rssMb)} -> ${mb(after.rssMb)}`);

  const problems = failures.map((failure) => `${failure.check}: ${failure.detail}`);
  if (serverFault !== null) problems.unshift(`the server process faulted: ${String(serverFault)}`);
  if (after.heapMb - before.heapMb > options.maxHeapGrowthMb) {
    problems.push(`the heap grew by ${mb(after.heapMb - before.heapMb)} (bound ${options.maxHeapGrowthMb} MB)`);
  }
  for (const problem of problems) log(`FAIL ${problem}`);
  log(
    problems.length === 0 ? "OK: the server held" : `FAILED (${problems.length}); replay with --seed ${options.seed}`,
  );
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
