import { currentDatabaseHandle, type DatabaseHandle, openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { acquireDataDirLock } from "./database-lock";
import { env } from "./env";

let releaseLock: (() => void) | undefined;

/**
 * Opens the process's database (PGlite in DATA_DIR, or PostgreSQL with DATABASE_URL), applies
 * pending migrations and installs it as the process-wide handle. Idempotent.
 */
export async function startDatabase(): Promise<DatabaseHandle> {
  const existing = currentDatabaseHandle();
  if (existing) return existing;
  const config = env();
  if (!config.DATABASE_URL) releaseLock = acquireDataDirLock(config.dataDir);
  const handle = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: `${config.dataDir}/pglite`,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await migrateDatabase(handle);
  setDatabase(handle);
  return handle;
}

/** Closes the process-wide database, if open. */
export async function stopDatabase(): Promise<void> {
  const handle = currentDatabaseHandle();
  if (!handle) return;
  setDatabase(undefined);
  await handle.close();
  releaseLock?.();
  releaseLock = undefined;
}
