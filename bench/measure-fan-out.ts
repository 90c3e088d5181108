import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { connectClients } from "./bench-client";
import { firstParagraphLength } from "./editing-trace";
import { type Distribution, sleepUntil, summarize, withTimeout } from "./stats";

export interface FanOutOptions {
  url: string;
  tokens: string[];
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
  /** Per edit: until the last receiver applied it. */
  fullFanOutMs: Distribution;
  /**
   * Per edit: until the first receiver applied it. Receivers share this process's event loop and
   * are served one after another, so this is the latency least inflated by the clients' own work.
   */
  firstReceiverMs: Distribution;
  /** Per edit: writer's send → ack (the update committed to the database). */
  writerAckMs: Distribution;
}

/**
 * One writer types one character per edit at a steady rate (and, with presence, moves its caret
 * after each, as the editor does); every other client records when its copy applied each edit.
 * Sender and receivers run in this process, so one clock times both ends.
 */
export async function measureFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const clients = await connectClients(options.url, options.tokens, options.clients);
  const joined = await Promise.all(clients.map((client) => client.join(options.documentId, options)));
  const [writer, ...receivers] = joined;
  if (!writer) throw new Error("no writer");
  const total = options.warmup + options.edits;
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const lastArrival: number[] = [];
  const firstArrival: number[] = [];
  const received = receivers.map(
    (entry) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        entry.doc.on("update", () => {
          const now = performance.now();
          const length = firstParagraphLength(entry.doc);
          for (; seen < length; seen += 1) {
            const sent = sentAt[seen];
            if (sent === undefined) continue;
            if (seen >= options.warmup) latencies.push(now - sent);
            lastArrival[seen] = Math.max(lastArrival[seen] ?? 0, now);
            firstArrival[seen] = Math.min(firstArrival[seen] ?? now, now);
          }
          if (seen >= total) resolve();
        });
      }),
  );
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  writer.doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
  const interval = 1000 / options.editsPerSecond;
  const start = performance.now() + interval;
  for (let index = 0; index < total; index += 1) {
    await sleepUntil(start + index * interval, performance.now());
    sentAt[index] = performance.now();
    text.insert(index, "x");
    writer.awareness?.setLocalStateField("cursor", { anchor: index + 1, head: index + 1 });
  }
  await withTimeout(Promise.all(received), 60_000, "fan-out");
  await withTimeout(allAcked(writer.ackMs), 30_000, "writer acks");
  for (const client of clients) client.close();
  const fullFanOut = lastArrival.slice(options.warmup).map((arrival, offset) => {
    const sent = sentAt[options.warmup + offset] ?? arrival;
    return arrival - sent;
  });
  const firstReceiver = firstArrival.slice(options.warmup).map((arrival, offset) => {
    const sent = sentAt[options.warmup + offset] ?? arrival;
    return arrival - sent;
  });
  // The first ack belongs to the paragraph creation; edits follow it one to one.
  const acks = writer.ackMs.slice(1 + options.warmup);
  return {
    clients: options.clients,
    editsPerSecond: options.editsPerSecond,
    presence: options.presence,
    measuredEdits: options.edits,
    latencyMs: summarize(latencies),
    fullFanOutMs: summarize(fullFanOut),
    firstReceiverMs: summarize(firstReceiver),
    writerAckMs: summarize(acks),
  };
}

async function allAcked(ackMs: number[]): Promise<void> {
  while (ackMs.some((value) => Number.isNaN(value))) await new Promise((resolve) => setTimeout(resolve, 10));
}
