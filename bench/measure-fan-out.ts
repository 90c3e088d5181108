import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { EditTracker } from "./edit-tracker";
import { type ClientTarget, closeClients, connectClients, joinClients } from "./peer-client";
import { type Distribution, sleepUntil, summarize, waitUntil } from "./stats";

export interface FanOutOptions {
  /**
   * Where clients connect: the writer to the first target, receivers round-robin over all
   * (several targets = several processes of one scaled-out server).
   */
  targets: ClientTarget[];
  documentId: string;
  /** Connections in the document, the writer included. */
  clients: number;
  /** Measured edits (after `warmup` unmeasured ones). */
  edits: number;
  warmup: number;
  editsPerSecond: number;
  presence: boolean;
}

export interface FanOutResult {
  clients: number;
  editsPerSecond: number;
  presence: boolean;
  measuredEdits: number;
  /** Per receiver and edit: writer's local change → the receiver's Y.Doc has applied it. */
  latencyMs: Distribution;
  /** The same, per target the receivers were connected to (scale-out: same process / other process). */
  latencyByTargetMs: Distribution[];
  /** Per edit: until the last receiver applied it. */
  fullFanOutMs: Distribution;
  /**
   * Per edit: until the first receiver applied it. Receivers share this process's event loop and
   * are served one after another, so this is the latency least inflated by the clients' own work.
   */
  firstReceiverMs: Distribution;
  /** Per edit: writer's send → the server's ack, where the protocol has one. */
  writerAckMs: Distribution | null;
  /** Updates of the writer the server refused (ours: error acks); any refusal delays that edit. */
  writerRefusals: string[];
}

/**
 * One writer types one character per edit at a steady rate (and, with presence, moves its caret
 * after each, as an editor does); every other client records when its copy applied each edit.
 * Sender and receivers run in this process, so one clock times both ends. Throws unless every
 * receiver applied every edit.
 */
export async function measureFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const { targets } = options;
  const targetFor = (index: number) => {
    const target = targets[index % targets.length];
    if (!target) throw new Error("no target");
    return target;
  };
  const connections = await connectClients(targetFor, options.clients, () => options.documentId);
  try {
    const joined = await joinClients(connections, options);
    const [writer, ...receivers] = joined;
    if (!writer) throw new Error("no writer");
    const tracker = new EditTracker();
    // Nothing is timed until the first measured edit: warm-up edits arriving later stay untimed too.
    tracker.from = Number.POSITIVE_INFINITY;
    for (const [index, entry] of receivers.entries()) tracker.observe(entry.doc, (index + 1) % targets.length);
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    writer.doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
    await waitUntil(
      () => receivers.every((entry) => entry.doc.getXmlFragment(EDITOR_FIELD).length > 0),
      30_000,
      "the paragraph reaching every receiver",
    );
    const interval = 1000 / options.editsPerSecond;
    const total = options.warmup + options.edits;
    const start = performance.now() + interval;
    for (let index = 0; index < total; index += 1) {
      await sleepUntil(start + index * interval, performance.now());
      if (index === options.warmup) tracker.from = performance.now();
      tracker.markSent(writer.doc);
      text.insert(index, "x");
      writer.awareness?.setLocalStateField("cursor", { anchor: index + 1, head: index + 1 });
    }
    const expected = options.edits * receivers.length;
    await waitUntil(() => tracker.delivered >= expected, 60_000, `fan-out (${tracker.delivered}/${expected})`);
    if (tracker.delivered !== expected) throw new Error(`fan-out: ${tracker.delivered} arrivals, ${expected} expected`);
    // The first ack belongs to the paragraph; the edits follow it one to one.
    const hasAcks = writer.ackMs.length > 0;
    if (hasAcks) await waitUntil(() => writer.ackMs.every((ms) => !Number.isNaN(ms)), 30_000, "writer acks");
    const perEdit = tracker.perEdit();
    return {
      clients: options.clients,
      editsPerSecond: options.editsPerSecond,
      presence: options.presence,
      measuredEdits: options.edits,
      latencyMs: summarize(tracker.samples.flat()),
      latencyByTargetMs: tracker.samples.map((group) => summarize(group)),
      fullFanOutMs: summarize(perEdit.last),
      firstReceiverMs: summarize(perEdit.first),
      writerAckMs: hasAcks ? summarize(writer.ackMs.slice(1 + options.warmup)) : null,
      writerRefusals: writer.refusals,
    };
  } finally {
    closeClients(connections);
  }
}
