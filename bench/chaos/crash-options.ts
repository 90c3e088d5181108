/**
 * The process that gets killed: `full` is the production entry point `server/index.ts` (Next,
 * REST, Socket.io; needs `npm run build`), `collab` is bench/chaos/crash-server.ts (the same
 * `attachSocketServer` without Next, restarting faster).
 */
export type CrashServerKind = "full" | "collab";

/** Settings of `npm run chaos:crash`. */
export interface CrashOptions {
  /** Which server is killed and restarted; `full` unless `--server collab`. */
  server: CrashServerKind;
  kills: number;
  clients: number;
  /** Seeds the kill schedule and every client's choice of pauses and places to type. */
  seed: number;
  /** Random wait before each kill, from the previous restart, in milliseconds. */
  killAfterMs: { min: number; max: number };
  /** Random pause between two edits of one client, in milliseconds. */
  editEveryMs: { min: number; max: number };
  /**
   * PostgreSQL when set: a connection string to an existing database on the server, used only to
   * create (and at the end drop) a private database for the run. PGlite in a temporary directory otherwise.
   */
  databaseUrl?: string;
  /** The compaction threshold of the server, lowered so compactions happen (and get killed). */
  compactBytes: number;
}

const USAGE = "usage: npm run chaos:crash -- [--server full|collab] [--kills N] [--clients N] [--seed N]";

/**
 * Parses `--server full|collab --kills N --clients N --seed N` (also `--kills=N`); throws with the
 * usage on anything else.
 */
export function parseCrashOptions(argv: string[], environment: NodeJS.ProcessEnv): CrashOptions {
  const values = new Map<string, number>();
  let server: CrashServerKind = "full";
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? "";
    const match = /^--(kills|clients|seed|server)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    let raw = match[2];
    if (raw === undefined) {
      index += 1;
      raw = argv[index];
    }
    if (match[1] === "server") {
      if (raw !== "full" && raw !== "collab") throw new Error(`--server is full or collab, got ${raw}\n${USAGE}`);
      server = raw;
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`--${match[1]} needs a whole number, got ${raw}\n${USAGE}`);
    values.set(match[1], value);
  }
  const clients = values.get("clients") ?? 20;
  if (clients < 1) throw new Error(`--clients must be at least 1\n${USAGE}`);
  return {
    server,
    kills: values.get("kills") ?? 20,
    clients,
    seed: values.get("seed") ?? Math.floor(Math.random() * 2 ** 31),
    killAfterMs: { min: 500, max: 3000 },
    editEveryMs: { min: 50, max: 400 },
    databaseUrl: environment.DATABASE_URL || undefined,
    compactBytes: 64 * 1024,
  };
}

/** A small seeded generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number of milliseconds in [min, max). */
export function between(random: () => number, range: { min: number; max: number }): number {
  return Math.round(range.min + random() * (range.max - range.min));
}
