/**
 * Hocuspocus (`@hocuspocus/server`) as a bench peer, in its own process: its own WebSocket server
 * on an ephemeral port and the Database extension reading and writing one row per document in
 * PostgreSQL (table created by bench/hocuspocus-storage.ts). Argument: the JSON of
 * `HocuspocusPeerConfig`.
 *
 * How Hocuspocus persists (its defaults, recorded in the results): every change schedules
 * `onStoreDocument`, debounced by `debounce` ms and at most `maxDebounce` ms after the first
 * pending change; the extension then stores the whole `Y.encodeStateAsUpdate`. It acknowledges an
 * update (`SyncStatus`) as soon as it is applied in memory, so an acknowledged edit may be up to
 * `maxDebounce` ms from being stored: that is its recovery point objective.
 */
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import postgres from "postgres";
import { servePeer } from "./peer-ipc";

export interface HocuspocusPeerConfig {
  /** The bench database on the local PostgreSQL, with table `hocuspocus_documents`. */
  databaseUrl: string;
  debounce: number;
  maxDebounce: number;
}

const config = JSON.parse(process.argv[2] ?? "{}") as HocuspocusPeerConfig;

servePeer(async () => {
  const sql = postgres(config.databaseUrl, { max: 10, onnotice: () => {} });
  const server = new Server({
    port: 0,
    address: "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    debounce: config.debounce,
    maxDebounce: config.maxDebounce,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => {
          const rows = await sql<
            { data: Buffer }[]
          >`select data from hocuspocus_documents where name = ${documentName}`;
          return rows[0]?.data ?? null;
        },
        store: async ({ documentName, state }) => {
          await sql`insert into hocuspocus_documents (name, data) values (${documentName}, ${state})
                    on conflict (name) do update set data = excluded.data, updated_at = now()`;
        },
      }),
    ],
  });
  await server.listen();
  return {
    port: server.address.port,
    stop: async () => {
      await server.destroy();
      await sql.end({ timeout: 5 });
    },
  };
});
