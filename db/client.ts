import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** A Drizzle database over either PGlite or PostgreSQL; both speak the same SQL and schema. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** The PostgreSQL connection string (absent for PGlite). */
  url?: string;
  /** Runs `select 1`; rejects when the database is unreachable. */
  ping: () => Promise<void>;
  /**
   * Runs one statement whose text never changes, for hot paths (the collaboration server's
   * appends). On PostgreSQL it is a prepared statement, parsed once per connection: postgres-js
   * sends every other parameterised query in two round trips (describe, then execute), and
   * Drizzle builds its text anew each time. Rows come back with the SQL's column names.
   */
  queryPrepared: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests start new databases from it). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` (or undefined) keeps the database in memory. */
  dataDir?: string;
  /** Maximum PostgreSQL pool size. */
  poolSize?: number;
  /**
   * PGlite only: start from this dump (`dumpDataDir`) of another database instead of an empty
   * one. Tests use a migrated template: loading it is several times faster than initdb.
   */
  loadDataDir?: Blob;
}

/** Opens a database. Most code should call `getDatabase()` instead, which returns the process-wide handle. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.databaseUrl, { max: options.poolSize ?? 10, onnotice: () => {} });
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      url: options.databaseUrl,
      ping: async () => {
        await client`select 1`;
      },
      queryPrepared: async (text, params) =>
        await client.unsafe<Record<string, unknown>[]>(text, params as never[], { prepare: true }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  await client.waitReady;
  const { drizzle } = await import("drizzle-orm/pglite");
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    ping: async () => {
      await client.query("select 1");
    },
    queryPrepared: async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows,
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir("none"),
  };
}

// The custom server, Next's route bundles, the CLI and tests each import this module, sometimes
// as separate module instances. PGlite must never be opened twice on one data directory, so the
// one handle lives on globalThis.
const globalForDb = globalThis as typeof globalThis & { __parallaxDatabase?: DatabaseHandle };

/** Installs the process-wide database handle (server start-up, CLI, tests). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  globalForDb.__parallaxDatabase = handle;
}

/** The process-wide database handle, or undefined before start-up opened one. */
export function currentDatabaseHandle(): DatabaseHandle | undefined {
  return globalForDb.__parallaxDatabase;
}

/** The process-wide database handle; throws when start-up has not opened one. */
export function getDatabaseHandle(): DatabaseHandle {
  const handle = globalForDb.__parallaxDatabase;
  if (!handle) throw new Error("The database is not open: start Parallax with server/index.ts, not `next start`.");
  return handle;
}

/** The process-wide Drizzle database. */
export function getDatabase(): Database {
  return getDatabaseHandle().db;
}

export { schema };

/** A transaction handed to `db.transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or a transaction: what query functions and audited writes accept. */
export type Executor = Database | Transaction;
