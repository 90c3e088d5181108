import path from "node:path";
import { type DatabaseHandle, openDatabase } from "./client";

/** Where drizzle-kit writes migrations; resolved from the working directory (the project root). */
export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** Applies every pending migration. Safe to run at each start-up and from several processes at once. */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type.
    await migrate(handle.db as any, { migrationsFolder });
    return;
  }
  // A session advisory lock belongs to one connection, so migrations run on a dedicated
  // single-connection client; otherwise the lock and unlock could land on different pooled
  // connections and two processes starting together could both migrate.
  const single = await openDatabase({ databaseUrl: handle.url, poolSize: 1 });
  try {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await single.db.execute("select pg_advisory_lock(727274)");
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type.
      await migrate(single.db as any, { migrationsFolder });
    } finally {
      await single.db.execute("select pg_advisory_unlock(727274)");
    }
  } finally {
    await single.close();
  }
}
