import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import type { AnchorRange } from "./comment-anchors";
import { commentHighlightsKey } from "./comment-highlights";

/**
 * Comments that travel with their text when it is cut and pasted, or dragged, as in Google Docs.
 * A thread's anchors stick to characters; cutting deletes them and pasting inserts new ones, so
 * without help the thread is detached. The page that cuts remembers which threads lay wholly
 * inside the cut text, and where; when the same text is pasted, it finds each thread's words in
 * what was inserted and the page stores new anchors there (the same repair an undo uses).
 */

/** A thread carried by a cut: its words and which of their occurrences in the cut text it was. */
export interface CarriedThread {
  id: string;
  quote: string;
  occurrence: number;
}

/** What a cut (or the start of a drag) carries: the text as cut and the threads inside it. */
export interface CarriedText {
  text: string;
  threads: CarriedThread[];
}

/** Text of a range with, for each character, its document position; block breaks read "\n" (no position). */
interface PositionedText {
  text: string;
  positions: number[];
}

function positionedText(doc: ProseMirrorNode, from: number, to: number): PositionedText {
  let text = "";
  const positions: number[] = [];
  let lastBlockEnd: number | null = null;
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) {
      if (lastBlockEnd !== null && text.length > 0) {
        text += "\n";
        positions.push(-1);
      }
      lastBlockEnd = pos + node.nodeSize;
      return true;
    }
    if (!node.isText || !node.text) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.text.length);
    for (let at = start; at < end; at++) {
      text += node.text[at - pos];
      positions.push(at);
    }
    return false;
  });
  return { text, positions };
}

function matchesOf(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote === "") return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** The text-anchored threads lying wholly inside the selection of `state`, or null when there are none. */
export function carriedBySelection(state: EditorState): CarriedText | null {
  const { from, to, empty } = state.selection;
  const highlights = commentHighlightsKey.getState(state);
  if (empty || !highlights) return null;
  const selected = positionedText(state.doc, from, to);
  const threads: CarriedThread[] = [];
  for (const thread of highlights.threads) {
    const range = highlights.placements.get(thread.id);
    if (thread.isDraft || !thread.start || !thread.end || !range) continue;
    if (range.from < from || range.to > to) continue;
    const quote = positionedText(state.doc, range.from, range.to).text;
    const occurrence = matchesOf(selected.text, quote).findIndex((at) => selected.positions[at] === range.from);
    if (occurrence !== -1) threads.push({ id: thread.id, quote, occurrence });
  }
  return threads.length > 0 ? { text: selected.text, threads } : null;
}

/** The range of the document `tr` inserted content into (after it), or null when it inserted nothing. */
function insertedRange(tr: Transaction): AnchorRange | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  tr.mapping.maps.forEach((map, index) => {
    const later = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd <= newStart) return;
      from = Math.min(from, later.map(newStart, -1));
      to = Math.max(to, later.map(newEnd, 1));
    });
  });
  return from < to ? { from, to } : null;
}

/**
 * Where each carried thread's words are in what `tr` inserted, when it inserted the carried text
 * (a paste of what was cut, or the drop of what was dragged). Threads whose words cannot be found
 * there are left out (they stay detached).
 */
export function placeCarriedThreads(tr: Transaction, carried: CarriedText): Map<string, AnchorRange> {
  const placed = new Map<string, AnchorRange>();
  const inserted = insertedRange(tr);
  if (!inserted) return placed;
  const pasted = positionedText(tr.doc, inserted.from, inserted.to);
  const base = pasted.text.indexOf(carried.text);
  if (base === -1) return placed;
  for (const thread of carried.threads) {
    const within = matchesOf(carried.text, thread.quote)[thread.occurrence];
    if (within === undefined) continue;
    const at = base + within;
    const from = pasted.positions[at];
    const last = pasted.positions[at + thread.quote.length - 1];
    if (from === undefined || last === undefined || from < 0 || last < 0) continue;
    placed.set(thread.id, { from, to: last + 1 });
  }
  return placed;
}
