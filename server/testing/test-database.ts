import { randomBytes } from "node:crypto";
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

/** Installs a fresh database as the process-wide one for the current test file. */
export async function useFreshDatabase(): Promise<TestDatabase> {
  const test = await createTestDatabase();
  setDatabase(test.handle);
  return test;
}
