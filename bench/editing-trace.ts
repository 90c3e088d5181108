import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";

/** The automerge-paper editing trace (Kleppmann / Gentle, editing-traces, CC BY 4.0), copied into bench/data. */
export const TRACE_FILE = path.join(import.meta.dirname, "data", "automerge-paper.json.gz");

export interface Trace {
  startContent: string;
  endContent: string;
  /** Each transaction holds patches `[position, deleted, inserted]`; this trace has one per transaction. */
  txns: { patches: [number, number, string][] }[];
}

export interface TraceUpdates {
  /** One Yjs update per trace transaction, after a first update that creates the paragraph. */
  updates: Uint8Array[];
  endContent: string;
  /** Keystroke transactions in the trace. */
  edits: number;
}

/** Reads the trace from bench/data (never from ../shared, so the bench runs from a checkout). */
export function readTrace(): Trace {
  return JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString("utf8")) as Trace;
}

/**
 * Replays the trace into one paragraph of the editor fragment, one Yjs transaction per trace
 * transaction, and returns the update each produced: the history a document typed keystroke by
 * keystroke over weeks leaves in `document_updates`. Throws when the replay does not end in the
 * trace's `endContent` (or, with `limit`, the text after that many transactions).
 */
export function buildTraceUpdates(limit = Number.POSITIVE_INFINITY): TraceUpdates {
  const trace = readTrace();
  const txns = trace.txns.slice(0, limit);
  const endContent = textAfter(trace, txns.length);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText(trace.startContent);
  paragraph.insert(0, [text]);
  doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
  for (const txn of txns) {
    doc.transact(() => {
      for (const [position, deleted, inserted] of txn.patches) {
        if (deleted > 0) text.delete(position, deleted);
        if (inserted) text.insert(position, inserted);
      }
    });
  }
  if (text.toString() !== endContent) throw new Error("the trace replay does not end in endContent");
  doc.destroy();
  return { updates, endContent, edits: txns.length };
}

/** The text of the first paragraph of the editor fragment ("" when there is none). */
export function firstParagraphString(doc: Y.Doc): string {
  return firstText(doc)?.toString() ?? "";
}

/** Length of the first paragraph's text, without creating anything (readers must not edit). */
export function firstParagraphLength(doc: Y.Doc): number {
  return firstText(doc)?.length ?? 0;
}

function firstText(doc: Y.Doc): Y.XmlText | undefined {
  const paragraph = doc.getXmlFragment(EDITOR_FIELD).get(0);
  if (!(paragraph instanceof Y.XmlElement)) return undefined;
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text : undefined;
}

/**
 * The text after the first `count` transactions, by plain string splicing (independent of Yjs,
 * so a replay can be checked against it when only a prefix of the trace is replayed).
 */
export function textAfter(trace: Trace, count: number): string {
  if (count >= trace.txns.length) return trace.endContent;
  let text = trace.startContent;
  for (const txn of trace.txns.slice(0, count)) {
    for (const [position, deleted, inserted] of txn.patches) {
      text = text.slice(0, position) + inserted + text.slice(position + deleted);
    }
  }
  return text;
}
