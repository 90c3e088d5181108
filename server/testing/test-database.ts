import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { readPgliteTemplate } from "./test-templates";

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
 * A fresh, migrated database: an in-memory PGlite, or a new database on the PostgreSQL server
 * named by TEST_DATABASE_URL/DATABASE_URL (dropped by `dispose`). Inside vitest both start from
 * the run's migrated template (see test-templates.ts) rather than running every migration again.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testPostgresUrl();
  const templates = inject("testTemplates");
  if (!serverUrl) {
    const handle = await openDatabase(templates?.pglite ? { loadDataDir: readPgliteTemplate(templates.pglite) } : {});
    await migrateDatabase(handle);
    return { handle, dispose: () => handle.close() };
  }
  const name = `${templates?.postgresPrefix ?? "parallax_test_"}${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  try {
    await admin.db.execute(
      templates?.postgres ? `create database "${name}" template "${templates.postgres}"` : `create database "${name}"`,
    );
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  // Nothing to do when the template was migrated; the check keeps a stale template honest.
  await migrateDatabase(handle);
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await dropPostgresDatabase(serverUrl, name);
    },
  };
}

/** Drops a database of the PostgreSQL test server, closing whatever still connects to it. */
async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  try {
    await admin.db.execute(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.close();
  }
}

// One worker keeps one database for all its files (vitest runs them one after another with
// `isolate: false`) and empties it between files: starting a PGlite costs seconds of WebAssembly
// start-up per file, and creating a PostgreSQL database about a second; emptying every table
// costs a few milliseconds. A database that cannot be emptied is replaced by a new one.
const globalForTests = globalThis as typeof globalThis & { __parallaxWorkerDatabase?: DatabaseHandle };

/**
 * Installs a fresh database as the process-wide one for the current test file: the worker's
 * database with every table of the app emptied (schema, migrations and their bookkeeping kept;
 * identities restarted), as fresh as a new one to a test. On PostgreSQL the worker's databases
 * are dropped by the global teardown (test-templates.ts).
 */
export async function useFreshDatabase(): Promise<TestDatabase> {
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
      const truncate = sql.raw(`truncate table ${names.join(", ")} restart identity cascade`);
      // A connection a previous file left inside a transaction would make TRUNCATE wait for ever:
      // give up after a while and take a new database instead.
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '10s'`);
        await tx.execute(truncate);
      });
    }
    return true;
  } catch {
    return false;
  }
}
