import type { FanOutCell, ThroughputCell } from "./bench-results";
import { measureFanOut } from "./measure-fan-out";
import { measureThroughput } from "./measure-throughput";
import type { Peer } from "./peers";
import { redisVersion } from "./redis-check";
import { median } from "./stats";
import { attempt, comparedPeers, targetOf, type WorkloadContext, withPeer } from "./workload-context";

/**
 * Fan-out: every (N, presence) cell on every peer, repeated; repetitions go round the peers so
 * a slow spell of the machine does not land on one peer only. Fresh process and document per run.
 */
export async function runFanOut(context: WorkloadContext): Promise<void> {
  const { sizes, options } = context;
  const cells: FanOutCell[] = [];
  for (let repetition = 1; repetition <= options.repetitions; repetition += 1) {
    for (const clients of sizes.fanOut.clients) {
      for (const presence of [true, false]) {
        for (const peer of comparedPeers(context)) {
          context.log(`fan-out ${peer.id}: ${clients} clients, presence ${presence ? "on" : "off"} (${repetition})`);
          const result = await attempt(context, "fan-out", peer, () =>
            withPeer(peer, (server) =>
              measureFanOut({
                targets: [targetOf(peer, server)],
                documentId: peer.freshDocument(),
                clients,
                edits: sizes.fanOut.edits,
                warmup: sizes.fanOut.warmup,
                editsPerSecond: sizes.fanOut.editsPerSecond,
                presence,
              }),
            ),
          );
          if (!result) continue;
          let cell = cells.find((c) => c.peer === peer.id && c.clients === clients && c.presence === presence);
          if (!cell) {
            cell = { peer: peer.id, clients, presence, runs: [], median: { p50: 0, p95: 0, p99: 0 } };
            cells.push(cell);
          }
          cell.runs.push(result);
        }
      }
    }
  }
  for (const cell of cells) {
    cell.median = {
      p50: median(cell.runs.map((run) => run.latencyMs.p50)),
      p95: median(cell.runs.map((run) => run.latencyMs.p95)),
      p99: median(cell.runs.map((run) => run.latencyMs.p99)),
    };
  }
  context.results.fanOut = cells;
}

async function throughputOf(
  context: WorkloadContext,
  peer: Peer,
  writers: number,
): Promise<ThroughputCell | undefined> {
  const { sizes } = context;
  context.log(`throughput ${peer.id}: ${writers} writers, stepped search…`);
  const result = await attempt(context, "throughput", peer, () =>
    withPeer(peer, (server) =>
      measureThroughput({
        target: targetOf(peer, server),
        server,
        documentId: peer.freshDocument(),
        writers,
        ladder: sizes.throughput.ladder,
        refineSteps: sizes.throughput.refineSteps,
        warmupSeconds: sizes.throughput.warmupSeconds,
        stepSeconds: sizes.throughput.stepSeconds,
        p99LimitMs: sizes.throughput.p99LimitMs,
      }),
    ),
  );
  if (result) context.log(`  ${peer.id} ${writers} writers: sustained ${result.sustainedRate} edits/s`);
  return result && { peer: peer.id, writers, result };
}

/** Throughput: the stepped search for every writer count on every peer. */
export async function runThroughput(context: WorkloadContext): Promise<void> {
  const cells: ThroughputCell[] = [];
  for (const writers of context.sizes.throughput.writers) {
    for (const peer of comparedPeers(context)) {
      const cell = await throughputOf(context, peer, writers);
      if (cell) cells.push(cell);
    }
  }
  context.results.throughput = cells;
}

/** Durability cost: the same search on ours with persistence off, beside the persisted figures. */
export async function runDurability(context: WorkloadContext): Promise<void> {
  const memory = context.peers.find((peer) => peer.id === "parallax-memory");
  if (!memory) {
    context.results.notes.push("durability: not measured (peer parallax-memory not selected)");
    return;
  }
  const cells: ThroughputCell[] = [];
  for (const writers of context.sizes.throughput.writers) {
    const cell = await throughputOf(context, memory, writers);
    if (cell) cells.push(cell);
  }
  context.results.durability = cells;
  if (!context.results.throughput) {
    context.results.notes.push("durability: compare with the throughput workload of the same run (not selected)");
  }
}

/**
 * Scale-out: ours on PostgreSQL as one process, then as two processes sharing Redis with the
 * writer on the first and the receivers alternating between both; the two-process result keeps
 * same-process and cross-process receivers apart.
 */
export async function runScaleOut(context: WorkloadContext): Promise<void> {
  const peer = context.peers.find((candidate) => candidate.id === "parallax-postgres");
  const redis = await redisVersion(context.options.redisUrl);
  if (!peer || !redis) {
    context.results.notes.push(
      `scale-out: not measured (${peer ? `Redis unreachable at ${context.options.redisUrl}` : "needs parallax-postgres"})`,
    );
    return;
  }
  const { sizes } = context;
  const fanOut = (targets: ReturnType<typeof targetOf>[]) =>
    measureFanOut({
      targets,
      documentId: peer.freshDocument(),
      clients: sizes.scaleOut.clients,
      edits: sizes.scaleOut.edits,
      warmup: sizes.fanOut.warmup,
      editsPerSecond: sizes.fanOut.editsPerSecond,
      presence: true,
    });
  context.log("scale-out: one process…");
  const singleProcess = await attempt(context, "scale-out", peer, () =>
    withPeer(peer, (server) => fanOut([targetOf(peer, server)])),
  );
  context.log("scale-out: two processes + Redis…");
  const env = { REDIS_URL: context.options.redisUrl };
  const twoProcesses = await attempt(context, "scale-out", peer, () =>
    withPeer(
      peer,
      (first) => withPeer(peer, (second) => fanOut([targetOf(peer, first), targetOf(peer, second)]), env),
      env,
    ),
  );
  if (singleProcess && twoProcesses) context.results.scaleOut = { redis, singleProcess, twoProcesses };
}
