import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";

/** A fresh database for one bench run, described by the environment server processes get. */
export interface BenchDatabase {
  kind: "pglite" | "postgres";
  /** DATA_DIR (always: the server keeps its generated files there) and DATABASE_URL for PostgreSQL. */
  env: Record<string, string>;
  /** Server version, for the results. */
  version: string;
  /** Drops the database / removes the data directory. */
  dispose: () => Promise<void>;
}

/**
 * PGlite in a new temporary data directory, or, with `serverUrl` (BENCH_DATABASE_URL), a new
 * database created on that PostgreSQL server and dropped afterwards. Server processes migrate it.
 */
export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "parallax-bench-"));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (!serverUrl) {
    // The package's exports hide package.json from import/require; read it from node_modules.
    const manifest = path.join(import.meta.dirname, "..", "node_modules", "@electric-sql", "pglite", "package.json");
    const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
    return {
      kind: "pglite",
      env: { DATA_DIR: dataDir },
      version: `PGlite ${version}`,
      dispose: async () => removeDir(),
    };
  }
  const name = `parallax_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  await admin.db.execute(`create database "${name}"`);
  const rows = (await admin.db.execute("show server_version")) as unknown as { server_version: string }[];
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    version: `PostgreSQL ${rows[0]?.server_version ?? "?"}`,
    dispose: async () => {
      await admin.db.execute(`drop database if exists "${name}" with (force)`);
      await admin.close();
      removeDir();
    },
  };
}
