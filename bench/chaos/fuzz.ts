/**
 * `npm run chaos:fuzz -- [--frames N] [--seed N] [--max-heap-growth-mb N] [--epoch-frames N] [--start-frame N]`: the long run of the
 * collaboration protocol fuzzer (server/collab/protocol-fuzz.test.ts is the short one). Starts the
 * real Socket.io + collaboration server in this process on an in-memory PGlite, throws N hostile
 * frames at it (server/collab/testing/fuzz-frames.ts), alternately one at a time (each answer and
 * the sandbox document checked) and as floods, while an honest client edits a document the fuzzer
 * may only read. Every `--epoch-frames` frames the cast starts over: the session's final checks
 * run (honest text, stored = live, a fresh client joins and edits), everyone leaves, and a new
 * cast with new documents goes on. Without that the sandbox document grows with every accepted
 * frame, and the per-frame "refused input changes nothing" comparison (a snapshot of the whole
 * document, twice a frame) and every join or step 1 (answered with the whole document) slow the
 * run down from ~2700 to a few hundred frames/s. Prints frames tried, frames/s, answers by error
 * code and memory before and after; exits 1 when the server died or stopped answering, an honest
 * client saw a change it did not make, a refused frame changed a document, a check at the end of
 * an epoch failed, or the heap grew past the bound (measured across every epoch, so documents
 * that are never unloaded count against it).
 *
 * A failing run is replayed with the same `--seed` (and `--frames`, `--epoch-frames`): batch i uses
 * seed + i. Each epoch starts from fresh documents, so `--start-frame F` (rounded down to its
 * epoch) replays just the failing epoch; the report prints the command.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import type { FuzzFrame } from "@/server/collab/testing/fuzz-frames";
import type { FuzzSession } from "@/server/collab/testing/fuzz-session";

interface FuzzOptions {
  frames: number;
  seed: number;
  maxHeapGrowthMb: number;
  /** Frames per cast (a multiple of the batch); 0 keeps one cast for the whole run. */
  epochFrames: number;
  /** Skips the frames before this one (rounded down to the start of its epoch): replays one epoch. */
  startFrame: number;
}

const BATCH = 250;
const MAX_MESSAGE_BYTES = 64 * 1024;

function parseOptions(argv: string[]): FuzzOptions {
  const options: FuzzOptions = { frames: 100_000, seed: 1, maxHeapGrowthMb: 100, epochFrames: 25_000, startFrame: 0 };
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = (argv[index] ?? "").split("=", 2);
    const value = Number(inline ?? argv[index + 1]);
    if (inline === undefined) index += 1;
    if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} needs a number`);
    if (flag === "--frames") options.frames = Math.floor(value);
    else if (flag === "--seed") options.seed = Math.floor(value);
    else if (flag === "--max-heap-growth-mb") options.maxHeapGrowthMb = value;
    else if (flag === "--epoch-frames") options.epochFrames = Math.ceil(value / BATCH) * BATCH;
    else if (flag === "--start-frame") options.startFrame = Math.floor(value);
    else
      throw new Error(
        `unknown option ${flag} (--frames, --seed, --max-heap-growth-mb, --epoch-frames, --start-frame N)`,
      );
  }
  const epoch = options.epochFrames || BATCH;
  options.startFrame = Math.min(options.frames, Math.floor(options.startFrame / epoch) * epoch);
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

interface EpochHooks {
  /** The frame generator aimed at a cast's documents. */
  arbitrary: (targets: FuzzSession["targets"]) => fc.Arbitrary<FuzzFrame>;
  /** A new cast that carries on the counts of `previous` (which has finished). */
  next: (previous: FuzzSession) => Promise<FuzzSession>;
  /** Whether the server process faulted (stop at once). */
  faulted: () => boolean;
}

/**
 * Sends the frames batch by batch, alternately one at a time and as a flood, the honest client
 * editing after each batch; every `epochFrames` the cast finishes (its checks run) and a new one
 * takes over. Stops at the first failure. Reports progress every 10 s.
 */
async function runEpochs(
  options: FuzzOptions,
  first: FuzzSession,
  hooks: EpochHooks,
): Promise<{ session: FuzzSession; epochs: number; epochStart: number; finished: boolean }> {
  let session = first;
  let arbitrary = hooks.arbitrary(session.targets);
  let epochs = 1;
  let epochStart = options.startFrame;
  const position = () => options.startFrame + session.stats.frames;
  const started = performance.now();
  let last = { at: started, frames: 0, cpu: process.cpuUsage() };
  for (let batch = options.startFrame / BATCH; position() < options.frames && !hooks.faulted(); batch += 1) {
    if (options.epochFrames > 0 && position() > epochStart && position() % options.epochFrames === 0) {
      // The end-of-session checks run on this cast's documents; the next cast carries the counts.
      await session.finish();
      if (session.failures.length > 0) return { session, epochs, epochStart, finished: true };
      session = await hooks.next(session);
      arbitrary = hooks.arbitrary(session.targets);
      epochs += 1;
      epochStart = position();
    }
    const count = Math.min(BATCH, options.frames - position());
    const sample = fc.sample(arbitrary, { seed: options.seed + batch, numRuns: count });
    if (batch % 2 === 0) for (const frame of sample) await session.send(frame);
    else await session.flood(sample);
    await session.honestEdit();
    if (session.failures.length > 0) break;
    const now = performance.now();
    if (now - last.at > 10_000) {
      const done = session.stats.frames;
      const overall = (done / (now - started)) * 1000;
      const recent = ((done - last.frames) / (now - last.at)) * 1000;
      // CPU time of this process per frame: unlike frames/s, it does not depend on the machine's load.
      const cpu = process.cpuUsage();
      const cpuUs = (cpu.user + cpu.system - last.cpu.user - last.cpu.system) / Math.max(1, done - last.frames);
      const heap = mb(process.memoryUsage().heapUsed / 2 ** 20);
      log(
        `  ${done} frames, ${overall.toFixed(0)}/s overall, ${recent.toFixed(0)}/s now, ${cpuUs.toFixed(0)} µs CPU/frame, heap ${heap}, epoch ${epochs}`,
      );
      last = { at: now, frames: done, cpu };
    }
  }
  return { session, epochs, epochStart, finished: false };
}

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
  const first = await fuzzSession.startFuzzSession(server, { maxMessageBytes: MAX_MESSAGE_BYTES });

  log(
    `chaos:fuzz  frames=${options.frames} seed=${options.seed} batch=${BATCH} epoch=${options.epochFrames || "none"} start=${options.startFrame}`,
  );
  const before = memory();
  const started = performance.now();
  const { session, epochs, epochStart, finished } = await runEpochs(options, first, {
    arbitrary: frames.fuzzFrame,
    next: (previous) => fuzzSession.startFuzzSession(server, { maxMessageBytes: MAX_MESSAGE_BYTES, after: previous }),
    faulted: () => serverFault !== null,
  });
  const seconds = (performance.now() - started) / 1000;
  // Measured with the server and every connection still up: presence and documents included.
  const after = memory();
  if (serverFault === null && !finished) await session.finish();
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
  log(`epochs           ${epochs} (a fresh cast every ${options.epochFrames || "-"} frames)`);
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
    problems.length === 0
      ? "OK: the server held"
      : `FAILED (${problems.length}); replay its epoch with --seed ${options.seed} --epoch-frames ${options.epochFrames} --start-frame ${epochStart}`,
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
