import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { Actor } from "@/server/auth/actor";
import { searchEverything } from "@/server/search/search-everything";
import { createPostgresDatabase, packageVersion, postgresVersion } from "../bench-database";
import { type Distribution, summarize } from "../stats";
import { benchQueries } from "./search-queries";
import { type SeedSize, seedSearchData } from "./seed-search-data";

// Times full-text search (server/search/search-everything.ts) on a workspace of 10,000
// judgements and 50,000 observations, on PGlite and on PostgreSQL:
//   node --import tsx bench/search/search-bench.ts [--quick] [--backend=pglite|postgres]
// PostgreSQL: BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL names the server (default
// postgres://postgres@127.0.0.1:5432/postgres); a private database is created and dropped.
// Writes bench/results/search-<date>.json. Target: p95 under 100 ms.

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.find((arg) => arg.startsWith("--backend="))?.split("=")[1];
const SIZE: SeedSize = quick
  ? { judgements: 2_000, observations: 10_000, sources: 200, judgementsPerAssessment: 50, foreignObservations: 1_000 }
  : {
      judgements: 10_000,
      observations: 50_000,
      sources: 1_000,
      judgementsPerAssessment: 50,
      foreignObservations: 5_000,
    };
const REPETITIONS = quick ? 3 : 10;
const SERVER_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";

interface BackendResult {
  backend: "pglite" | "postgres";
  version: string;
  seedSeconds: number;
  counts: Record<string, number>;
  overall: Distribution;
  perQuery: { label: string; hits: number; p50: number; max: number }[];
}

/** Seeds `handle`, then times every query REPETITIONS times after one warm-up round. */
async function measure(
  handle: DatabaseHandle,
  backend: BackendResult["backend"],
  version: string,
): Promise<BackendResult> {
  await migrateDatabase(handle);
  setDatabase(handle);
  const seedStart = performance.now();
  const world = await seedSearchData(handle.db, SIZE);
  await handle.db.execute(sql`analyze`);
  const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  process.stdout.write(`${backend}: seeded in ${seedSeconds} s ${JSON.stringify(world.counts)}\n`);
  const actor: Actor = { ...world.searcher, via: "session" };
  const queries = benchQueries(world);
  const hits = new Map<string, number>();
  for (const { label, query } of queries) hits.set(label, (await searchEverything({ actor, query })).hits.length);
  const samples = new Map<string, number[]>(queries.map(({ label }) => [label, []]));
  for (let round = 0; round < REPETITIONS; round += 1) {
    for (const { label, query } of queries) {
      const start = performance.now();
      await searchEverything({ actor, query });
      samples.get(label)?.push(performance.now() - start);
    }
  }
  const perQuery = queries.map(({ label }) => {
    const distribution = summarize(samples.get(label) ?? []);
    return { label, hits: hits.get(label) ?? 0, p50: distribution.p50, max: distribution.max };
  });
  return {
    backend,
    version,
    seedSeconds,
    counts: world.counts,
    overall: summarize([...samples.values()].flat()),
    perQuery,
  };
}

async function runPglite(): Promise<BackendResult> {
  const handle = await openDatabase({ dataDir: "memory://" });
  try {
    return await measure(handle, "pglite", `PGlite ${packageVersion("@electric-sql/pglite")}`);
  } finally {
    setDatabase(undefined);
    await handle.close();
  }
}

async function runPostgres(): Promise<BackendResult> {
  const database = await createPostgresDatabase(SERVER_URL, "parallax_bench_search");
  const handle = await openDatabase({ databaseUrl: database.url, poolSize: 4 });
  try {
    return await measure(handle, "postgres", await postgresVersion(SERVER_URL));
  } finally {
    setDatabase(undefined);
    await handle.close();
    await database.dispose();
  }
}

function printResult(result: BackendResult): void {
  const { p50, p95, max, samples } = result.overall;
  process.stdout.write(`\n${result.version}: ${samples} searches, p50 ${p50} ms, p95 ${p95} ms, max ${max} ms\n`);
  const slowest = [...result.perQuery].sort((a, b) => b.p50 - a.p50).slice(0, 8);
  for (const query of slowest) {
    process.stdout.write(
      `  ${query.label.padEnd(32)} p50 ${String(query.p50).padStart(8)} ms  max ${query.max} ms  (${query.hits} hits)\n`,
    );
  }
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const results: BackendResult[] = [];
  if (only !== "postgres") results.push(await runPglite());
  if (only !== "pglite") results.push(await runPostgres());
  for (const result of results) printResult(result);
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(import.meta.dirname, "..", "results", `search-${date}${quick ? "-quick" : ""}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const load = {
    before: loadBefore.map((value) => Math.round(value * 100) / 100),
    after: loadavg().map((value) => Math.round(value * 100) / 100),
  };
  const report = {
    benchmark: "search",
    date: new Date().toISOString(),
    quick,
    size: SIZE,
    repetitions: REPETITIONS,
    targetMs: 100,
    machine,
    load,
    results,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `\nwrote ${path.relative(process.cwd(), file)} (load ${load.before.join(" ")} → ${load.after.join(" ")})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
