import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { buildTraceUpdates } from "./editing-trace";

/** The documents every peer that stores documents gets before the run, built once by the runner. */
export interface StoredDocuments {
  /** automerge-paper, one update per keystroke transaction (the first creates the paragraph). */
  traceUpdates: Uint8Array[];
  /** The text those updates end in. */
  traceText: string;
  /** The same history as one encoded state (what a compacted / Hocuspocus-stored document holds). */
  traceState: Uint8Array;
  /** The join-storm document: the trace document plus pasted paragraphs up to `joinStormBytes`. */
  joinStormState: Uint8Array;
}

/**
 * Replays automerge-paper (all of it, or its first `transactions` transactions) and derives the
 * stored documents. The join-storm document keeps the paper with its whole editing history and
 * adds copies of the paper's text as pasted paragraphs (little history each) until the encoded
 * document reaches the target size: a long document with both typed and pasted parts.
 */
export function buildStoredDocuments(transactions: number, joinStormBytes: number): StoredDocuments {
  const trace = buildTraceUpdates(transactions);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of trace.updates) Y.applyUpdate(doc, update);
  });
  const traceState = Y.encodeStateAsUpdate(doc);
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  const pasted = trace.endContent || "x".repeat(100_000);
  while (Y.encodeStateAsUpdate(doc).byteLength < joinStormBytes) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(pasted)]);
    fragment.insert(fragment.length, [paragraph]);
  }
  const joinStormState = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { traceUpdates: trace.updates, traceText: trace.endContent, traceState, joinStormState };
}
