import { loadavg } from "node:os";
import type { Logger } from "drizzle-orm";
import { type DatabaseHandle, openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { observationsFromCsv } from "@/server/evidence/evidence-csv";
import { importEvidence } from "@/server/evidence/import-evidence";
import { largeEvidenceFile } from "@/server/evidence/testing/large-evidence-file";
import { createTestTeam } from "@/server/testing/factories";
import { createBenchDirectory, createPostgresDatabase } from "./bench-database";

// What importing a CSV of observations costs (POST …/evidence/import with text/csv, the import
// form, the CLI's `import FILE.csv`): wall time of `importEvidence` and the SQL statements it
// sends, on PGlite and on PostgreSQL. The sources and sites are imported first (not measured).
//
//   node --import tsx bench/measure-evidence-import.ts [--rows=3000] [--databases=pglite,postgres]
//
// Not part of `npm run bench`. Run it on an idle machine: the figures include the load average.

const argument = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rows = Number(argument("rows", "3000"));
const databases = argument("databases", "pglite,postgres").split(",");
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Counts every statement Drizzle sends, transactions included (they inherit the session's logger). */
function countStatements(handle: DatabaseHandle): { count: number } {
  const counter = { count: 0 };
  const logger: Logger = {
    logQuery: () => {
      counter.count += 1;
    },
  };
  const session = (handle.db as unknown as { session: { options: { logger?: Logger }; logger: Logger } }).session;
  session.options.logger = logger;
  session.logger = logger;
  return counter;
}

async function measure(handle: DatabaseHandle): Promise<{ ms: number; statements: number; created: number }> {
  await migrateDatabase(handle);
  setDatabase(handle);
  const { workspace, analyst } = await createTestTeam();
  const file = largeEvidenceFile({ sources: 200, sites: 50, observations: rows });
  await importEvidence({ actor: analyst, workspaceId: workspace.id, file: file.library });
  const counter = countStatements(handle);
  const started = performance.now();
  // As the route does: parse the CSV, then import.
  const result = await importEvidence({
    actor: analyst,
    workspaceId: workspace.id,
    file: { observations: observationsFromCsv(file.csv) },
  });
  return { ms: performance.now() - started, statements: counter.count, created: result.observations.created };
}

const print = (line: string) => process.stdout.write(`${line}\n`);
print("database | rows | created | statements | wall time | load average (1 min) before → after");
for (const kind of databases) {
  const before = loadavg()[0]?.toFixed(2);
  let figures: Awaited<ReturnType<typeof measure>>;
  if (kind === "postgres") {
    const database = await createPostgresDatabase(serverUrl, "parallax_bench_import");
    const handle = await openDatabase({ databaseUrl: database.url, poolSize: 4 });
    try {
      figures = await measure(handle);
    } finally {
      await handle.close();
      await database.dispose();
    }
  } else {
    const directory = createBenchDirectory();
    const handle = await openDatabase({ dataDir: directory.path });
    try {
      figures = await measure(handle);
    } finally {
      await handle.close();
      directory.dispose();
    }
  }
  const after = loadavg()[0]?.toFixed(2);
  print(
    `${kind} | ${rows} | ${figures.created} | ${figures.statements} | ${(figures.ms / 1000).toFixed(2)} s | ${before} → ${after}`,
  );
}
process.exit(0);
