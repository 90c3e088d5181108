import { writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  type BenchDirectory,
  type BenchPostgresDatabase,
  createBenchDirectory,
  createPostgresDatabase,
  packageVersion,
  postgresVersion,
} from "./bench-database";
import type { BenchOptions, BenchSizes } from "./bench-options";
import { HOCUSPOCUS_DOCUMENTS, seedHocuspocusDatabase } from "./hocuspocus-storage";
import { hocuspocusPeer, OUR_ENV, type OurDatabase, ourPeer, type Peer, yWebsocketPeer } from "./peers";
import type { BenchSeed, BenchSeedInput } from "./seed-bench-data";
import { forkScript, nextMessage } from "./spawn-peer";
import { buildStoredDocuments, type StoredDocuments } from "./stored-documents";
import { writeUpdateFile } from "./update-file";

export interface PreparedBench {
  /** In the order they are reported: ours first. */
  peers: Peer[];
  stored: StoredDocuments;
  versions: Record<string, string>;
  /** Seconds spent building and seeding (not benchmark figures). */
  preparationSeconds: Record<string, number>;
  /** Drops the bench databases and removes the temporary directories. */
  dispose: () => Promise<void>;
}

const VERSIONED = [
  "yjs",
  "y-protocols",
  "socket.io",
  "socket.io-msgpack-parser",
  "@electric-sql/pglite",
  "@hocuspocus/server",
  "@hocuspocus/extension-database",
  "@y/websocket-server",
  "ws",
  "postgres",
  "redis",
];

/**
 * Builds the stored documents once, seeds one database per variant of ours (PGlite in a temporary
 * directory, a new PostgreSQL database) through a short-lived server process, creates and fills
 * Hocuspocus' database, and describes every selected peer.
 */
export async function preparePeers(
  options: BenchOptions,
  sizes: BenchSizes,
  log: (line: string) => void,
): Promise<PreparedBench> {
  const versions: Record<string, string> = Object.fromEntries(VERSIONED.map((name) => [name, packageVersion(name)]));
  versions.node = process.version;
  versions.postgresServer = await postgresVersion(options.postgresUrl);
  const disposers: (() => Promise<void> | void)[] = [];
  const dispose = async () => {
    for (const disposer of disposers.reverse()) await disposer();
  };
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[name] = Math.round(performance.now() - started) / 1000;
    return result;
  };
  try {
    log("building the stored documents (automerge-paper replay, join-storm document)…");
    const stored = await timed("buildDocuments", () =>
      buildStoredDocuments(sizes.coldOpen.traceTransactions, sizes.joinStorm.targetBytes),
    );
    const files = createBenchDirectory();
    disposers.push(files.dispose);
    const seedFiles = writeSeedFiles(files, stored);
    const peers: Peer[] = [];
    const wants = (id: Peer["id"]) => options.peers.has(id);
    if (wants("parallax-pglite")) {
      const directory = createBenchDirectory();
      disposers.push(directory.dispose);
      log("seeding ours on PGlite…");
      const env = { DATA_DIR: directory.path };
      const seed = await timed("seedPglite", () => seedOurs(env, seedFiles));
      const database = ourDatabase("pglite", `PGlite ${versions["@electric-sql/pglite"]}`, env, seed);
      peers.push(ourPeer("parallax-pglite", database, true));
    }
    const postgresPeers: Peer[] = [];
    if (wants("parallax-postgres") || wants("parallax-memory")) {
      const directory = createBenchDirectory();
      const created = await createPostgresDatabase(options.postgresUrl, "parallax_bench");
      disposers.push(directory.dispose, created.dispose);
      log("seeding ours on PostgreSQL…");
      const env = { DATA_DIR: directory.path, DATABASE_URL: created.url };
      const seed = await timed("seedPostgres", () => seedOurs(env, seedFiles));
      const database = ourDatabase("postgres", versions.postgresServer ?? "PostgreSQL", env, seed);
      if (wants("parallax-postgres")) peers.push(ourPeer("parallax-postgres", database, true));
      if (wants("parallax-memory")) postgresPeers.push(ourPeer("parallax-memory", database, false));
    }
    if (wants("hocuspocus")) {
      const created: BenchPostgresDatabase = await createPostgresDatabase(options.postgresUrl, "hocuspocus_bench");
      disposers.push(created.dispose);
      await timed("seedHocuspocus", () =>
        seedHocuspocusDatabase(created.url, {
          [HOCUSPOCUS_DOCUMENTS.traceSnapshot]: stored.traceState,
          [HOCUSPOCUS_DOCUMENTS.joinStorm]: stored.joinStormState,
        }),
      );
      peers.push(hocuspocusPeer(created.url, versions));
    }
    if (wants("y-websocket")) peers.push(yWebsocketPeer(versions));
    peers.push(...postgresPeers);
    return { peers, stored, versions, preparationSeconds: timings, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

interface SeedFiles {
  input: string;
  updates: string;
  joinStorm: string;
}

function writeSeedFiles(directory: BenchDirectory, stored: StoredDocuments): SeedFiles {
  const files = {
    input: path.join(directory.path, "seed.json"),
    updates: path.join(directory.path, "trace-updates.bin"),
    joinStorm: path.join(directory.path, "join-storm.bin"),
  };
  const input: Omit<BenchSeedInput, "traceUpdates" | "joinStormState"> = {
    users: 50,
    idleDocuments: 100,
    freshDocuments: 60,
  };
  writeFileSync(files.input, JSON.stringify(input));
  writeUpdateFile(files.updates, stored.traceUpdates);
  writeFileSync(files.joinStorm, stored.joinStormState);
  return files;
}

async function seedOurs(env: Record<string, string>, files: SeedFiles): Promise<BenchSeed> {
  const child = forkScript("server-process.ts", ["prepare", files.input, files.updates, files.joinStorm], {
    ...OUR_ENV,
    ...env,
  });
  const { seed } = await nextMessage(child, "prepared");
  if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
  return seed as BenchSeed;
}

function ourDatabase(
  kind: OurDatabase["kind"],
  version: string,
  env: Record<string, string>,
  seed: BenchSeed,
): OurDatabase {
  let next = 0;
  return {
    kind,
    version,
    env,
    seed,
    nextFresh: () => {
      const documentId = seed.freshDocuments[next];
      next += 1;
      if (!documentId) throw new Error(`more than ${seed.freshDocuments.length} fresh documents needed`);
      return documentId;
    },
  };
}
