import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildConcurrentReplay, type ConcurrentReplay, hasArrived, paragraphText } from "./concurrent-trace";

/**
 * Applies every agent's transactions to one document as the live replay schedules them: an agent
 * goes next only once the transactions its next one needs have been applied (round-robin, so the
 * order differs from the trace's). Throws on a deadlock, i.e. inconsistent `needs`.
 */
function applyCausally(replay: ConcurrentReplay, doc: Y.Doc): void {
  const applied = replay.agents.map(() => 0);
  for (let progress = true; progress; ) {
    progress = false;
    replay.agents.forEach((agent, index) => {
      for (;;) {
        const next = agent.transactions[applied[index] ?? 0];
        const ready = (needs: number[]) =>
          needs.every((count, other) => other === index || (applied[other] ?? 0) >= count);
        if (!next || !ready(next.needs)) return;
        Y.applyUpdate(doc, next.update);
        applied[index] = (applied[index] ?? 0) + 1;
        progress = true;
      }
    });
  }
  if (replay.agents.some((agent, index) => applied[index] !== agent.transactions.length)) throw new Error("deadlock");
}

describe("buildConcurrentReplay", () => {
  // The whole clownschool trace (a few seconds); it throws itself unless its offline merge ends
  // in the trace's endContent.
  const replay = buildConcurrentReplay();

  it("ends in endContent when the agents' transactions are applied in another causal order", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, replay.setupUpdate);
    applyCausally(replay, doc);
    expect(paragraphText(doc)).toBe(replay.endContent);
    expect(replay.transactions).toBe(23_136);
  });

  it("witnesses a transaction only once it has arrived", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, replay.setupUpdate);
    applyCausally(replay, doc);
    const witnesses = replay.agents.flatMap((agent) => agent.witnesses);
    expect(witnesses.some((witness) => witness.kind === "delete")).toBe(true);
    expect(witnesses.every((witness) => hasArrived(doc, witness))).toBe(true);
    const empty = new Y.Doc();
    expect(witnesses.some((witness) => hasArrived(empty, witness))).toBe(false);
  });
});
