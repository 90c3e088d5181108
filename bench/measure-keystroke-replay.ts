import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { firstParagraphString } from "./editing-trace";
import { type ClientTarget, closeClients, connectClients, joinClients } from "./peer-client";
import { round, waitUntil, yieldToIo } from "./stats";

/** One transaction of a sequential trace: patches `[position, deleted, inserted]`. */
export type TracePatches = [number, number, string][];

export interface KeystrokeReplayOptions {
  target: ClientTarget;
  documentId: string;
  /** Clients that only receive (the writer is one more). */
  readers: number;
  transactions: TracePatches[];
  /** The text every copy must end with (the trace's endContent for the whole trace). */
  expectedText: string;
  /**
   * Flow control: the writer pauses while it is more than this many inserted characters ahead of
   * the slowest reader, as a typist cannot outrun the network forever; without it the run would
   * measure how fast the client can fill socket buffers.
   */
  window: number;
  timeoutMs: number;
}

export interface KeystrokeReplayResult {
  keystrokes: number;
  readers: number;
  /** First keystroke sent → every reader's text equals the expected text. */
  convergeMs: number;
  keystrokesPerSecond: number;
  /** Writer's send → ack for the whole replay (ours: committed; Hocuspocus: applied). */
  writerAckMedianMs: number | null;
  finalTextMatches: boolean;
}

/**
 * One writer replays a sequential trace keystroke by keystroke (one Yjs transaction and one
 * message per trace transaction) into one paragraph, as fast as the flow-control window lets it;
 * the readers receive. Throws unless every copy ends in the expected text.
 */
export async function measureKeystrokeReplay(options: KeystrokeReplayOptions): Promise<KeystrokeReplayResult> {
  const connections = await connectClients(options.target, 1 + options.readers, () => options.documentId);
  try {
    const [writer, ...readers] = await joinClients(connections, { presence: true });
    if (!writer) throw new Error("no writer");
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    writer.doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
    await waitUntil(
      () => readers.every((entry) => entry.doc.getXmlFragment(EDITOR_FIELD).length > 0),
      30_000,
      "the paragraph reaching every reader",
    );
    const writerId = writer.doc.clientID;
    const ahead = () => {
      const sent = Y.getState(writer.doc.store, writerId);
      return Math.max(...readers.map((entry) => sent - Y.getState(entry.doc.store, writerId)));
    };
    const started = performance.now();
    for (const [index, patches] of options.transactions.entries()) {
      if (ahead() > options.window)
        await waitUntil(() => ahead() <= options.window / 2, 60_000, "readers catching up", 1);
      writer.doc.transact(() => {
        for (const [position, deleted, inserted] of patches) {
          if (deleted > 0) text.delete(position, deleted);
          if (inserted) text.insert(position, inserted);
        }
      });
      if (index % 100 === 99) await yieldToIo();
    }
    if (firstParagraphString(writer.doc) !== options.expectedText) throw new Error("the writer's replay went wrong");
    await waitUntil(
      () => readers.every((entry) => firstParagraphString(entry.doc) === options.expectedText),
      options.timeoutMs,
      "every reader converging on the trace's text",
      10,
    );
    const convergeMs = performance.now() - started;
    const acks = writer.ackMs.filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
    return {
      keystrokes: options.transactions.length,
      readers: options.readers,
      convergeMs: round(convergeMs),
      keystrokesPerSecond: Math.round(options.transactions.length / (convergeMs / 1000)),
      writerAckMedianMs: acks.length > 0 ? round(acks[Math.floor(acks.length / 2)] ?? 0) : null,
      finalTextMatches: true,
    };
  } finally {
    closeClients(connections);
  }
}
