import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import type { JoinedDocument } from "./client-types";
import { EditTracker } from "./edit-tracker";
import { type ClientTarget, closeClients, connectClients, joinClients } from "./peer-client";
import type { PeerProcess } from "./spawn-peer";
import { cpuPercent, type Distribution, round, summarize, waitUntil } from "./stats";

export interface ThroughputOptions {
  target: ClientTarget;
  /** For the server's CPU use per step. */
  server: PeerProcess;
  documentId: string;
  writers: number;
  /** Total edit rates (edits/s over all writers) tried in order until one fails. */
  ladder: number[];
  /** Extra steps between the last rate that held and the first that failed (geometric midpoints). */
  refineSteps: number;
  /** Seconds per step at the target rate before measuring, and measured. */
  warmupSeconds: number;
  stepSeconds: number;
  /** A step holds while p99 stays at or under this. */
  p99LimitMs: number;
}

export interface ThroughputStep {
  targetRate: number;
  /** Measured edits / measured seconds, as the clients managed to send them. */
  achievedRate: number;
  latencyMs: Distribution;
  /** Arrivals of measured edits / (measured edits × other clients). */
  delivered: number;
  expected: number;
  passed: boolean;
  /** Why a step failed: p99, undelivered edits or clients unable to send at the rate. */
  failure?: string;
  /** Updates the server refused during the step (ours: by error code), e.g. `out_of_sync`. */
  refusals: Record<string, number>;
  /** CPU used during the measured seconds, % of one core: server process and this (client) process. */
  serverCpuPercent: number;
  clientCpuPercent: number;
  /**
   * Only for a step that left edits undelivered: ms after its drain window until every client held
   * every edit, or null when that took longer than `CATCH_UP_MS` (the search then stops).
   */
  caughtUpAfterMs?: number | null;
}

export interface ThroughputResult {
  writers: number;
  /** The highest rate that held (0 when even the first step failed). */
  sustainedRate: number;
  steps: ThroughputStep[];
}

const DRAIN_MS = 10_000;
/** How long a step that overran may take to catch up before the search gives up on the connections. */
const CATCH_UP_MS = 120_000;

/**
 * N clients all type at once, each at the end of its own paragraph, one character per edit,
 * together at a target rate; every client applies every other client's edits. Rates climb the
 * ladder until a step fails, then the gap is bisected. A step holds when p99 (edit → each other
 * client applied it) ≤ the limit, every edit reached every other client, and the clients sent
 * at ≥ 95 % of the target rate.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const connections = await connectClients(options.target, options.writers, () => options.documentId);
  try {
    const joined = await joinClients(connections, { presence: false });
    const tracker = new EditTracker();
    for (const entry of joined) tracker.observe(entry.doc);
    const texts = joined.map((entry) => {
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      entry.doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
      return text;
    });
    await waitUntil(
      () => joined.every((entry) => entry.doc.getXmlFragment(EDITOR_FIELD).length === joined.length),
      30_000,
      "every writer's paragraph reaching every client",
    );
    const steps: ThroughputStep[] = [];
    const run = async (rate: number) => {
      const step = await runStep(options, joined, texts, tracker, rate);
      steps.push(step);
      return step;
    };
    let held = 0;
    let failed = 0;
    for (const rate of options.ladder) {
      const step = await run(rate);
      if (!step.passed) {
        failed = rate;
        break;
      }
      held = rate;
    }
    // A step that left edits undelivered leaves a backlog that would weigh on the next one: the
    // search goes on only once every client holds every edit (then the next step starts clean).
    const caughtUp = async (step: ThroughputStep | undefined) => {
      if (!step || step.delivered >= step.expected) return true;
      const waitFrom = performance.now();
      const converged = await waitUntil(() => hasEveryEdit(joined), CATCH_UP_MS, "catch-up", 100).then(
        () => true,
        () => false,
      );
      step.caughtUpAfterMs = converged ? round(performance.now() - waitFrom) : null;
      return converged;
    };
    for (let refine = 0; refine < options.refineSteps && held > 0 && failed > 0; refine += 1) {
      if (!(await caughtUp(steps.at(-1)))) break;
      const rate = Math.round(Math.sqrt(held * failed));
      if (rate <= held || rate >= failed) break;
      const step = await run(rate);
      if (step.passed) held = rate;
      else failed = rate;
    }
    return { writers: options.writers, sustainedRate: held, steps };
  } finally {
    closeClients(connections);
  }
}

/** Whether every client's copy holds every writer's edits (each writer's own clock). */
function hasEveryEdit(joined: JoinedDocument[]): boolean {
  return joined.every(({ doc: writer }) => {
    const clock = Y.getState(writer.store, writer.clientID);
    return joined.every(({ doc }) => Y.getState(doc.store, writer.clientID) === clock);
  });
}

async function runStep(
  options: ThroughputOptions,
  joined: JoinedDocument[],
  texts: Y.XmlText[],
  tracker: EditTracker,
  rate: number,
): Promise<ThroughputStep> {
  tracker.clearSamples();
  const refusedBefore = joined.map((entry) => entry.refusals.length);
  const start = performance.now();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.stepSeconds * 1000;
  tracker.from = measureFrom;
  tracker.to = end;
  let serverCpu = { user: 0, system: 0 };
  let clientCpu = process.cpuUsage();
  let sent = 0;
  let measuring = false;
  for (let now = start; now < end; now = performance.now()) {
    if (!measuring && now >= measureFrom) {
      measuring = true;
      [serverCpu, clientCpu] = [await options.server.cpu(), process.cpuUsage()];
    }
    // Every edit that is due goes out now, round-robin over the writers.
    for (const due = Math.floor(((now - start) * rate) / 1000); sent < due; sent += 1) {
      const writer = sent % joined.length;
      const doc = joined[writer]?.doc;
      const text = texts[writer];
      if (!doc || !text) continue;
      tracker.markSent(doc);
      text.insert(text.length, "x");
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const [serverCpuAfter, clientCpuAfter] = [await options.server.cpu(), process.cpuUsage()];
  const measuredMs = performance.now() - measureFrom;
  const edits = tracker.timedEdits();
  const expected = edits * (joined.length - 1);
  const drained = await waitUntil(() => tracker.delivered >= expected, DRAIN_MS, "drain").then(
    () => true,
    () => false,
  );
  const latencyMs = summarize(tracker.samples.flat());
  const refusals: Record<string, number> = {};
  joined.forEach((entry, index) => {
    for (const code of entry.refusals.slice(refusedBefore[index])) refusals[code] = (refusals[code] ?? 0) + 1;
  });
  const achievedRate = round(edits / (options.stepSeconds || 1));
  const failure = !drained
    ? `${expected - tracker.delivered} of ${expected} arrivals missing ${DRAIN_MS / 1000} s after the step`
    : latencyMs.p99 > options.p99LimitMs
      ? `p99 ${latencyMs.p99} ms > ${options.p99LimitMs} ms`
      : achievedRate < rate * 0.95
        ? `clients sent only ${achievedRate} edits/s`
        : undefined;
  return {
    targetRate: rate,
    achievedRate,
    latencyMs,
    delivered: tracker.delivered,
    expected,
    passed: failure === undefined,
    failure,
    refusals,
    serverCpuPercent: cpuPercent(serverCpu, serverCpuAfter, measuredMs),
    clientCpuPercent: cpuPercent(clientCpu, clientCpuAfter, measuredMs),
  };
}
