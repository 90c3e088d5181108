/** The workloads of `npm run bench`, selectable with `--only=`. */
export const WORKLOADS = [
  "fan-out",
  "throughput",
  "durability",
  "traces",
  "cold-open",
  "join-storm",
  "memory",
  "scale-out",
  "thousand",
] as const;
export type Workload = (typeof WORKLOADS)[number];

/** The servers compared, selectable with `--peers=`. `parallax-memory` is ours with persistence off. */
export const PEER_IDS = [
  "parallax-pglite",
  "parallax-postgres",
  "hocuspocus",
  "y-websocket",
  "parallax-memory",
] as const;
export type PeerId = (typeof PEER_IDS)[number];

export interface BenchOptions {
  quick: boolean;
  /** `--only` or `--peers` narrowed the run: its results never replace the latest full run. */
  partial: boolean;
  workloads: Set<Workload>;
  peers: Set<PeerId>;
  /** Repetitions of each fan-out cell and join storm (medians are reported). */
  repetitions: number;
  /** The local PostgreSQL server: bench databases are created on it and dropped afterwards. */
  postgresUrl: string;
  redisUrl: string;
  /** `--fan-out-clients=a,b`: only these N in the fan-out (e.g. one size, to profile it). */
  fanOutClients: number[] | null;
}

/** Workload sizes: the full run, and the few-minute `--quick` one. */
export function benchSizes(quick: boolean) {
  return {
    fanOut: { clients: quick ? [10, 50] : [10, 50, 200], edits: quick ? 40 : 200, warmup: 20, editsPerSecond: 20 },
    throughput: {
      writers: quick ? [10] : [10, 50],
      ladder: quick ? [50, 200, 800, 3200] : [25, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12_800, 25_600],
      refineSteps: quick ? 1 : 3,
      warmupSeconds: quick ? 1 : 2,
      stepSeconds: quick ? 2 : 6,
      p99LimitMs: 100,
    },
    /** automerge-paper through one writer; quick replays a prefix and checks against its text. */
    keystrokes: { transactions: quick ? 10_000 : Number.POSITIVE_INFINITY, readers: 4, window: 2000 },
    /** Transactions of automerge-paper stored for the cold open (quick: a prefix, seeded faster). */
    coldOpen: { runs: quick ? 1 : 5, traceTransactions: quick ? 50_000 : Number.POSITIVE_INFINITY },
    joinStorm: { clients: 50, targetBytes: 1024 * 1024 },
    memory: { connections: quick ? 100 : 1000, documents: quick ? 10 : 100 },
    scaleOut: { clients: 50, edits: quick ? 40 : 200 },
    thousand: { connections: 1000 },
  };
}
export type BenchSizes = ReturnType<typeof benchSizes>;

/**
 * Parses `--quick`, `--only=a,b`, `--peers=a,b`, `--repetitions=n`, `--fan-out-clients=a,b` and
 * the environment.
 */
export function parseBenchOptions(argv: string[], environment: NodeJS.ProcessEnv): BenchOptions {
  const quick = argv.includes("--quick");
  const list = <T extends string>(flag: string, allowed: readonly T[], fallback: readonly T[]): Set<T> => {
    const arg = argv.find((value) => value.startsWith(`--${flag}=`));
    if (!arg) return new Set(fallback);
    const names = arg.slice(flag.length + 3).split(",");
    const unknown = names.filter((name) => !(allowed as readonly string[]).includes(name));
    if (unknown.length > 0) throw new Error(`unknown ${flag}: ${unknown.join(", ")} (known: ${allowed.join(", ")})`);
    return new Set(names as T[]);
  };
  const repetitions = argv.find((value) => value.startsWith("--repetitions="));
  const fanOutClients = argv.find((value) => value.startsWith("--fan-out-clients="));
  const sizes = fanOutClients?.slice("--fan-out-clients=".length).split(",").map(Number);
  if (sizes?.some((n) => !Number.isInteger(n) || n < 2)) throw new Error("--fan-out-clients: whole numbers ≥ 2");
  return {
    quick,
    partial: argv.some((value) => /^--(only|peers|fan-out-clients)=/.test(value)),
    // The thousand-connection check of issue 3 is ours only and long: full runs, or on request.
    workloads: list("only", WORKLOADS, quick ? WORKLOADS.filter((name) => name !== "thousand") : WORKLOADS),
    peers: list("peers", PEER_IDS, PEER_IDS),
    repetitions: repetitions ? Math.max(1, Number(repetitions.split("=")[1])) : quick ? 1 : 3,
    postgresUrl: environment.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    redisUrl: environment.BENCH_REDIS_URL || "redis://127.0.0.1:6379",
    fanOutClients: sizes ?? null,
  };
}
