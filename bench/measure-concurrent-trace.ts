import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import type { JoinedDocument } from "./client-types";
import { type ConcurrentReplay, hasArrived, paragraphText } from "./concurrent-trace";
import { type ClientTarget, closeClients, connectClients, joinClients } from "./peer-client";
import { round, waitUntil, yieldToIo } from "./stats";

export interface ConcurrentReplayOptions {
  target: ClientTarget;
  documentId: string;
  replay: ConcurrentReplay;
  timeoutMs: number;
}

export interface ConcurrentReplayResult {
  agents: number;
  transactions: number;
  /** First update sent → every agent's text equals the trace's endContent. */
  convergeMs: number;
  transactionsPerSecond: number;
  /** Times an agent had to wait for another agent's transaction before sending its next one. */
  dependencyWaits: number;
  finalTextMatches: boolean;
}

/**
 * Each agent of a concurrent trace is its own client. An agent sends its transactions in order
 * as fast as it can, but each only once every transaction it depends on (its parents' history)
 * has reached that agent's copy through the server, so the run follows the trace's causal order
 * while agents without a dependency between them really do edit at the same time. Throws unless
 * every copy ends in `endContent`.
 */
export async function measureConcurrentTrace(options: ConcurrentReplayOptions): Promise<ConcurrentReplayResult> {
  const { replay } = options;
  const connections = await connectClients(options.target, replay.agents.length, () => options.documentId);
  try {
    const joined = await joinClients(connections, { presence: true });
    const [first] = joined;
    if (!first) throw new Error("no agents");
    Y.applyUpdate(first.doc, replay.setupUpdate);
    await waitUntil(
      () => joined.every((entry) => entry.doc.getXmlFragment(EDITOR_FIELD).length > 0),
      30_000,
      "the paragraph reaching every agent",
    );
    let dependencyWaits = 0;
    const started = performance.now();
    await Promise.all(
      joined.map(async (entry, agent) => {
        dependencyWaits += await replayAgent(entry, agent, replay);
      }),
    );
    await waitUntil(
      () => joined.every((entry) => paragraphText(entry.doc) === replay.endContent),
      options.timeoutMs,
      "every agent converging on endContent",
      10,
    );
    const convergeMs = performance.now() - started;
    return {
      agents: joined.length,
      transactions: replay.transactions,
      convergeMs: round(convergeMs),
      transactionsPerSecond: Math.round(replay.transactions / (convergeMs / 1000)),
      dependencyWaits,
      finalTextMatches: true,
    };
  } finally {
    closeClients(connections);
  }
}

async function replayAgent(entry: JoinedDocument, agent: number, replay: ConcurrentReplay): Promise<number> {
  const own = replay.agents[agent];
  if (!own) return 0;
  const ready = (needs: number[]) =>
    needs.every((count, other) => {
      if (other === agent || count === 0) return true;
      const witness = replay.agents[other]?.witnesses[count - 1];
      return witness !== undefined && hasArrived(entry.doc, witness);
    });
  let waits = 0;
  for (const [index, transaction] of own.transactions.entries()) {
    if (!ready(transaction.needs)) {
      waits += 1;
      await waitUntil(() => ready(transaction.needs), 120_000, `agent ${agent}'s dependencies`, 1);
    }
    // Applied without the server's origin, so the adapter sends it like a local edit.
    Y.applyUpdate(entry.doc, transaction.update);
    if (index % 50 === 49) await yieldToIo();
  }
  return waits;
}
