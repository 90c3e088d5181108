import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { FROM_SERVER } from "./client-types";

/**
 * Times edits from the writer's local change to each receiver's copy applying it, whatever the
 * protocol. A Yjs edit is identified by its writer's client id and clock (an insert of one
 * character takes one clock), so a receiver knows which edits a transaction from the server
 * brought by comparing the transaction's state vectors before and after: no marker is added to
 * the document, and batched or merged deliveries (Hocuspocus coalesces within a tick) count
 * each edit they carry. Deletions take no clock and are not timed.
 */
export class EditTracker {
  /** Per writer client: clock → when the edit was made (`performance.now()`). */
  private readonly sentAt = new Map<number, number[]>();
  private readonly firstArrival = new Map<number, number[]>();
  private readonly lastArrival = new Map<number, number[]>();
  /** Per receiver group: one sample per receiver and timed edit. */
  readonly samples: number[][] = [];
  /** Only edits made in [from, to) are timed (warm-up before, drain after). */
  from = Number.NEGATIVE_INFINITY;
  to = Number.POSITIVE_INFINITY;

  /** Arrivals of timed edits so far, all groups. */
  get delivered(): number {
    return this.samples.reduce((sum, group) => sum + group.length, 0);
  }

  /** Call right before `doc` makes a local insert: notes the clock the insert will take. */
  markSent(doc: Y.Doc, at = performance.now()): void {
    const clock = Y.getState(doc.store, doc.clientID);
    listFor(this.sentAt, doc.clientID)[clock] = at;
  }

  /** Starts timing the arrivals at `doc` (a receiver), counted in `group`. */
  observe(doc: Y.Doc, group = 0): void {
    while (this.samples.length <= group) this.samples.push([]);
    const samples = this.samples[group] ?? [];
    doc.on("afterTransaction", (transaction: Y.Transaction) => {
      if (transaction.origin !== FROM_SERVER) return;
      const now = performance.now();
      for (const [client, after] of transaction.afterState) {
        const sent = this.sentAt.get(client);
        if (!sent) continue;
        for (let clock = transaction.beforeState.get(client) ?? 0; clock < after; clock += 1) {
          const at = sent[clock];
          if (at === undefined || at < this.from || at >= this.to) continue;
          samples.push(now - at);
          const first = listFor(this.firstArrival, client);
          first[clock] = Math.min(first[clock] ?? now, now);
          const last = listFor(this.lastArrival, client);
          last[clock] = Math.max(last[clock] ?? now, now);
        }
      }
    });
  }

  /** Per timed edit: until the first and until the last receiver applied it. */
  perEdit(): { first: number[]; last: number[] } {
    const first: number[] = [];
    const last: number[] = [];
    for (const [client, sent] of this.sentAt) {
      sent.forEach((at, clock) => {
        if (at < this.from || at >= this.to) return;
        const firstAt = this.firstArrival.get(client)?.[clock];
        const lastAt = this.lastArrival.get(client)?.[clock];
        if (firstAt !== undefined) first.push(firstAt - at);
        if (lastAt !== undefined) last.push(lastAt - at);
      });
    }
    return { first, last };
  }

  /** Timed edits made so far. */
  timedEdits(): number {
    let count = 0;
    for (const sent of this.sentAt.values()) {
      for (const at of sent) if (at !== undefined && at >= this.from && at < this.to) count += 1;
    }
    return count;
  }

  /** Forgets the samples (between the steps of a search); the sent times stay. */
  clearSamples(): void {
    for (const group of this.samples) group.length = 0;
  }
}

function listFor(map: Map<number, number[]>, client: number): number[] {
  let list = map.get(client);
  if (!list) {
    list = [];
    map.set(client, list);
  }
  return list;
}
