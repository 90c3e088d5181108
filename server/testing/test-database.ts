import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { readPgliteTemplate } from "./pglite-template";

/** The PostgreSQL server tests use when set; otherwise each test file gets an in-memory PGlite. */
export function testPostgresUrl(): string | undefined {
  // Tests are the one place besides server/env.ts that read process.env: they choose the
  // database under test before any server configuration exists.
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Closes the handle and drops the per-file PostgreSQL database. */
  dispose: () => Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL/DATABASE_URL (dropped afterwards).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) {
    // Inside vitest the global setup made a migrated template; elsewhere start empty.
    const template = inject("pgliteTemplate");
    const handle = await openDatabase(template ? { loadDataDir: readPgliteTemplate(template) } : {});
    await migrateDatabase(handle);
    return { handle, dispose: () => handle.close() };
  }
  const name = `parallax_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  await admin.db.execute(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateDatabase(handle);
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await admin.db.execute(`drop database if exists "${name}" with (force)`);
      await admin.close();
    },
  };
}

// On PGlite one worker keeps one database for all its files (vitest runs them one after another
// with `isolate: false`) and empties it between files: starting a PGlite from the template costs
// seconds of WebAssembly start-up per file, emptying every table a few milliseconds.
const globalForTests = globalThis as typeof globalThis & { __parallaxWorkerDatabase?: DatabaseHandle };

/**
 * Installs a fresh database as the process-wide one for the current test file: a new PostgreSQL
 * database, or on PGlite the worker's database with every table of the app emptied (schema,
 * migrations and their bookkeeping kept; identities restarted), as fresh as a new one to a test.
 */
export async function useFreshDatabase(): Promise<TestDatabase> {
  if (testPostgresUrl()) {
    const test = await createTestDatabase();
    setDatabase(test.handle);
    return test;
  }
  let handle = globalForTests.__parallaxWorkerDatabase;
  if (handle && !(await emptyDatabase(handle))) {
    await handle.close().catch(() => {});
    handle = undefined;
  }
  if (!handle) {
    handle = (await createTestDatabase()).handle;
    globalForTests.__parallaxWorkerDatabase = handle;
  }
  setDatabase(handle);
  // The worker's next file empties it again; closing it is left to the worker's exit.
  return { handle, dispose: async () => {} };
}

/** Empties every table in the public schema; false when the handle is closed or broken. */
async function emptyDatabase(handle: DatabaseHandle): Promise<boolean> {
  try {
    // PGlite answers { rows }, postgres-js an array of rows.
    const result = (await handle.db.execute(
      sql`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public'`,
    )) as unknown as { name: string }[] | { rows: { name: string }[] };
    const names = (Array.isArray(result) ? result : result.rows).map((row) => row.name);
    if (names.length > 0) {
      await handle.db.execute(sql.raw(`truncate table ${names.join(", ")} restart identity cascade`));
    }
    return true;
  } catch {
    return false;
  }
}
