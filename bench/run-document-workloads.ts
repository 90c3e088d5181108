import type { PeerId } from "./bench-options";
import type { ColdOpenCell, JoinStormCell, MemoryCell } from "./bench-results";
import { buildConcurrentReplay } from "./concurrent-trace";
import { readTrace, textAfter } from "./editing-trace";
import { measureColdOpen } from "./measure-cold-open";
import { measureConcurrentTrace } from "./measure-concurrent-trace";
import { type IdleMemoryResult, measureIdleMemory } from "./measure-idle-memory";
import { measureJoinStorm } from "./measure-join-storm";
import { measureKeystrokeReplay } from "./measure-keystroke-replay";
import { measureThousandConnections } from "./measure-thousand-connections";
import { median } from "./stats";
import { attempt, comparedPeers, targetOf, type WorkloadContext, withPeer } from "./workload-context";

const REPLAY_TIMEOUT_MS = 15 * 60_000;

/** Real traces: automerge-paper through one writer, then clownschool with one client per agent. */
export async function runTraces(context: WorkloadContext): Promise<void> {
  const trace = readTrace();
  const { keystrokes } = context.sizes;
  const transactions = trace.txns.slice(0, keystrokes.transactions).map((txn) => txn.patches);
  const expectedText = textAfter(trace, transactions.length);
  const replay = buildConcurrentReplay();
  const traces: NonNullable<typeof context.results.traces> = { keystrokes: [], concurrent: [] };
  for (const peer of comparedPeers(context)) {
    context.log(
      `automerge-paper keystrokes ${peer.id}: ${transactions.length} transactions, ${keystrokes.readers} readers…`,
    );
    const result = await attempt(context, "traces", peer, () =>
      withPeer(peer, (server) =>
        measureKeystrokeReplay({
          target: targetOf(peer, server),
          documentId: peer.freshDocument(),
          readers: keystrokes.readers,
          transactions,
          expectedText,
          window: keystrokes.window,
          timeoutMs: REPLAY_TIMEOUT_MS,
        }),
      ),
    );
    if (result) traces.keystrokes.push({ peer: peer.id, result });
  }
  for (const peer of comparedPeers(context)) {
    context.log(`clownschool ${peer.id}: ${replay.transactions} transactions by ${replay.agents.length} agents…`);
    const result = await attempt(context, "traces", peer, () =>
      withPeer(peer, (server) =>
        measureConcurrentTrace({
          target: targetOf(peer, server),
          documentId: peer.freshDocument(),
          replay,
          timeoutMs: REPLAY_TIMEOUT_MS,
        }),
      ),
    );
    if (result) traces.concurrent.push({ peer: peer.id, result });
  }
  context.results.traces = traces;
}

/**
 * Cold open of automerge-paper: as one stored update per keystroke transaction (ours only: the
 * Hocuspocus Database extension stores one state per document, the y-websocket server stores
 * nothing) and compacted into one state (ours and Hocuspocus).
 */
export async function runColdOpen(context: WorkloadContext): Promise<void> {
  const cells: ColdOpenCell[] = [];
  const runs = context.sizes.coldOpen.runs;
  for (const stored of ["log", "snapshot"] as const) {
    for (const peer of comparedPeers(context)) {
      const documentId = stored === "log" ? peer.stored.traceLog : peer.stored.traceSnapshot;
      if (!documentId) continue;
      context.log(`cold open ${peer.id} (${stored}), ${runs} fresh processes…`);
      const result = await attempt(context, "cold-open", peer, () =>
        measureColdOpen({
          // Keeps ours from compacting the log when it loads it, so every run opens the same rows.
          spawn: () => peer.start({ COLLAB_COMPACT_BYTES: String(2 ** 40) }),
          protocol: peer.protocol,
          tokens: peer.tokens,
          documentId,
          endContent: context.stored.traceText,
          runs,
        }),
      );
      if (result) cells.push({ peer: peer.id, stored, result });
    }
  }
  context.results.notes.push(
    "cold open: the y-websocket server stores nothing (no cold open); Hocuspocus' Database extension stores one state per document (no per-update log)",
  );
  context.results.coldOpen = cells;
}

/** Join storm: clients join the ~1 MB document at once; a fresh process per repetition. */
export async function runJoinStorm(context: WorkloadContext): Promise<void> {
  const cells: JoinStormCell[] = [];
  for (let repetition = 1; repetition <= context.options.repetitions; repetition += 1) {
    for (const peer of comparedPeers(context)) {
      context.log(`join storm ${peer.id}: ${context.sizes.joinStorm.clients} clients (${repetition})…`);
      const result = await attempt(context, "join-storm", peer, () =>
        withPeer(peer, (server) =>
          measureJoinStorm({
            target: targetOf(peer, server),
            server,
            documentId: peer.stored.joinStorm ?? peer.freshDocument(),
            clients: context.sizes.joinStorm.clients,
            state: context.stored.joinStormState,
            upload: !peer.stored.joinStorm,
          }),
        ),
      );
      if (!result) continue;
      let cell = cells.find((candidate) => candidate.peer === peer.id);
      if (!cell) {
        cell = { peer: peer.id, runs: [], median: { p50: 0, p95: 0 } };
        cells.push(cell);
      }
      cell.runs.push(result);
      cell.median = {
        p50: median(cell.runs.map((run) => run.receivedMs.p50)),
        p95: median(cell.runs.map((run) => run.receivedMs.p95)),
      };
    }
  }
  context.results.joinStorm = cells;
}

/** Memory per idle connection and per open document, on every peer; a fresh process per repetition. */
export async function runMemory(context: WorkloadContext): Promise<void> {
  const { connections, documents } = context.sizes.memory;
  const runsByPeer = new Map<PeerId, IdleMemoryResult[]>();
  for (let repetition = 1; repetition <= context.options.repetitions; repetition += 1) {
    for (const peer of comparedPeers(context)) {
      context.log(`memory ${peer.id}: ${connections} idle connections over ${documents} documents (${repetition})…`);
      const result = await attempt(context, "memory", peer, () =>
        withPeer(peer, (server) =>
          measureIdleMemory({
            target: targetOf(peer, server),
            server,
            documents: peer.idleDocuments.slice(0, documents),
            connections,
            warmupDocument: peer.freshDocument(),
          }),
        ),
      );
      if (result) runsByPeer.set(peer.id, [...(runsByPeer.get(peer.id) ?? []), result]);
    }
  }
  context.results.memory = [...runsByPeer].map(([peer, runs]): MemoryCell => {
    const of = (pick: (run: IdleMemoryResult) => { rss: number; heap: number }) => ({
      rss: median(runs.map((run) => pick(run).rss)),
      heap: median(runs.map((run) => pick(run).heap)),
    });
    return {
      peer,
      runs,
      median: {
        perConnectionBytes: of((run) => run.perConnectionBytes),
        perDocumentBytes: of((run) => run.perDocumentBytes),
      },
    };
  });
}

/** 1,000 connections in one document of one process (ours; the issue-3 check). */
export async function runThousand(context: WorkloadContext): Promise<void> {
  const thousand: NonNullable<typeof context.results.thousand> = [];
  for (const peer of comparedPeers(context).filter((candidate) => candidate.ours)) {
    context.log(`thousand ${peer.id}: ${context.sizes.thousand.connections} connections, one edit…`);
    const result = await attempt(context, "thousand", peer, () =>
      withPeer(peer, (server) =>
        measureThousandConnections({
          target: targetOf(peer, server),
          server,
          documentId: peer.freshDocument(),
          connections: context.sizes.thousand.connections,
        }),
      ),
    );
    if (result) thousand.push({ peer: peer.id, result });
  }
  context.results.thousand = thousand;
}
