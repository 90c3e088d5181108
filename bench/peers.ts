import type { PeerId } from "./bench-options";
import type { Protocol } from "./client-types";
import { HOCUSPOCUS_DEFAULTS, HOCUSPOCUS_DOCUMENTS } from "./hocuspocus-storage";
import type { BenchSeed } from "./seed-bench-data";
import { type PeerProcess, spawnPeerProcess } from "./spawn-peer";

/** One server compared by the bench, as the workloads use it. */
export interface Peer {
  id: PeerId;
  label: string;
  protocol: Protocol;
  ours: boolean;
  /** Recorded with the results: how the peer is set up, what it stores and when it acks. */
  config: Record<string, unknown>;
  /** Credentials for its clients (ours: API tokens of seeded analysts). */
  tokens: string[];
  /** Starts a fresh process; `env` adds to ours' environment (e.g. REDIS_URL, COLLAB_COMPACT_BYTES). */
  start: (env?: Record<string, string>) => Promise<PeerProcess>;
  /** A document nobody used yet. */
  freshDocument: () => string;
  /** Documents for the memory workload. */
  idleDocuments: string[];
  /** Documents stored before the run; absent where the peer cannot store (y-websocket). */
  stored: { traceLog?: string; traceSnapshot?: string; joinStorm?: string };
}

/** Ours on one database: its seed and the environment its processes get. */
export interface OurDatabase {
  kind: "pglite" | "postgres";
  version: string;
  env: Record<string, string>;
  seed: BenchSeed;
  /** Hands out the seed's fresh documents (shared by the peers on this database). */
  nextFresh: () => string;
}

const BENCH_SECRET = "bench-only-secret-bench-only-secret-0123456789";

/**
 * Our server's environment in the bench: production defaults except the per-connection message
 * rate (default 200/s), raised so the limiter never refuses a trace replay or a throughput step;
 * every figure then measures the server, not its abuse protection.
 */
export const OUR_ENV = {
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  AUTH_SECRET: BENCH_SECRET,
  DATABASE_URL: "",
  REDIS_URL: "",
  COLLAB_MESSAGES_PER_SECOND: "100000",
};

/** Ours on `database`; `persistence: false` is the bench-only switch of bench/server-process.ts. */
export function ourPeer(id: PeerId, database: OurDatabase, persistence: boolean): Peer {
  const where = database.kind === "pglite" ? "PGlite, in the server process" : "PostgreSQL, local server, pool of 10";
  return {
    id,
    label: persistence
      ? `Parallax (${database.kind === "pglite" ? "PGlite" : "PostgreSQL"})`
      : "Parallax (no persistence)",
    protocol: "parallax",
    ours: true,
    config: {
      server: "server/collab via attachSocketServer, in its own process without Next",
      transport: "Socket.io /collab namespace, WebSocket only, msgpack parser",
      database: `${database.version} (${where})`,
      persistence: persistence
        ? "each update appended to document_updates by group commit (5 ms window, COLLAB_COMMIT_DELAY_MS) before its ack: RPO 0 for acknowledged edits"
        : "off (bench-only --no-persistence: update batches are discarded and acked at once, compaction off; the derived content copy is still written every 2 s)",
      ack: persistence ? "after the update's row is committed" : "right after the update is applied",
      authentication: "API token checked at the handshake; workspace membership checked at each join",
      environment: { ...OUR_ENV, AUTH_SECRET: "(bench secret)" },
      changedFromDefaults: "COLLAB_MESSAGES_PER_SECOND 100000 (default 200); cold open: COLLAB_COMPACT_BYTES 2^40",
    },
    tokens: database.seed.tokens,
    start: (env = {}) =>
      spawnPeerProcess("server-process.ts", persistence ? ["serve"] : ["serve", "--no-persistence"], {
        ...OUR_ENV,
        ...database.env,
        // Nothing is stored, so the log never needs compacting; at the default threshold every
        // "commit" past it would start a compaction that finds no rows.
        ...(persistence ? {} : { COLLAB_COMPACT_BYTES: String(2 ** 40) }),
        ...env,
      }),
    freshDocument: database.nextFresh,
    idleDocuments: database.seed.idleDocuments,
    stored: persistence
      ? {
          traceLog: database.seed.traceLogDocument,
          traceSnapshot: database.seed.traceSnapshotDocument,
          joinStorm: database.seed.joinStormDocument,
        }
      : {},
  };
}

function generatedNames(prefix: string): { fresh: () => string; idle: string[] } {
  let next = 0;
  return {
    fresh: () => {
      next += 1;
      return `${prefix}-${next}`;
    },
    idle: Array.from({ length: 100 }, (_, index) => `${prefix}-idle-${index}`),
  };
}

/** Hocuspocus with its Database extension on PostgreSQL, its defaults kept. */
export function hocuspocusPeer(databaseUrl: string, versions: Record<string, string>): Peer {
  const names = generatedNames("hocuspocus");
  const config = { databaseUrl, debounce: HOCUSPOCUS_DEFAULTS.debounce, maxDebounce: HOCUSPOCUS_DEFAULTS.maxDebounce };
  return {
    id: "hocuspocus",
    label: "Hocuspocus",
    protocol: "hocuspocus",
    ours: false,
    config: {
      server: `@hocuspocus/server ${versions["@hocuspocus/server"]} Server (its own WebSocket server), defaults kept`,
      extensions: `@hocuspocus/extension-database ${versions["@hocuspocus/extension-database"]}: fetch/store one row per document in PostgreSQL (postgres ${versions.postgres})`,
      persistence: `whole document state stored ${HOCUSPOCUS_DEFAULTS.debounce} ms after the last change, at the latest ${HOCUSPOCUS_DEFAULTS.maxDebounce} ms after the first unsaved one (debounce / maxDebounce), and when the last client leaves`,
      rpoMs: HOCUSPOCUS_DEFAULTS.maxDebounce,
      ack: "SyncStatus once the update is applied in memory, before it is stored",
      authentication: "none (no onAuthenticate hook; clients still send the protocol's auth message)",
      ...HOCUSPOCUS_DEFAULTS,
    },
    tokens: ["bench-token"],
    start: () => spawnPeerProcess("hocuspocus-process.ts", [JSON.stringify(config)], {}),
    freshDocument: names.fresh,
    idleDocuments: names.idle,
    stored: { traceSnapshot: HOCUSPOCUS_DOCUMENTS.traceSnapshot, joinStorm: HOCUSPOCUS_DOCUMENTS.joinStorm },
  };
}

/** The y-websocket server: in memory only. */
export function yWebsocketPeer(versions: Record<string, string>): Peer {
  const names = generatedNames("y-websocket");
  return {
    id: "y-websocket",
    label: "y-websocket server",
    protocol: "y-websocket",
    ours: false,
    config: {
      server: `@y/websocket-server ${versions["@y/websocket-server"]} setupWSConnection on a plain ws ${versions.ws} server`,
      persistence: "none: documents live in memory only (y-leveldb not configured); a restart loses everything",
      rpoMs: null,
      ack: "none (the protocol has no acknowledgements)",
      authentication: "none",
      gc: true,
    },
    tokens: [],
    start: () => spawnPeerProcess("y-websocket-process.ts", [], {}),
    freshDocument: names.fresh,
    idleDocuments: names.idle,
    stored: {},
  };
}
