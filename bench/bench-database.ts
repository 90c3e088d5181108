import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

/** A database created for one bench run on the local PostgreSQL server, dropped at the end. */
export interface BenchPostgresDatabase {
  url: string;
  dispose: () => Promise<void>;
}

/** A temporary directory (PGlite data, our server's generated files), removed at the end. */
export interface BenchDirectory {
  path: string;
  dispose: () => void;
}

/** Creates `<prefix>_<random>` on the server of `serverUrl`; the caller drops it with `dispose`. */
export async function createPostgresDatabase(serverUrl: string, prefix: string): Promise<BenchPostgresDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** `PostgreSQL 15.x (…)` of the server, for the results. */
export async function postgresVersion(serverUrl: string): Promise<string> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return `PostgreSQL ${row?.server_version ?? "?"}`;
  } finally {
    await sql.end();
  }
}

/** A new temporary directory. */
export function createBenchDirectory(): BenchDirectory {
  const directory = mkdtempSync(path.join(tmpdir(), "parallax-bench-"));
  return { path: directory, dispose: () => rmSync(directory, { recursive: true, force: true }) };
}

/**
 * The installed version of a package, read from node_modules (some packages' exports hide their
 * package.json from import/require).
 */
export function packageVersion(name: string): string {
  const manifest = path.join(import.meta.dirname, "..", "node_modules", ...name.split("/"), "package.json");
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}
