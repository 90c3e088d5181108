import * as Y from "yjs";

/** A thread's range as the two relative positions it is anchored by. */
export interface RelativeRange {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/** Whether `text` is part of the live document under `root`: neither it nor any block around it deleted. */
export function isLiveIn(root: Y.XmlFragment, text: Y.XmlText): boolean {
  let item: Y.Item | null = text._item;
  while (item && !item.deleted) {
    if (item.parent === root) return true;
    item = item.parent instanceof Y.AbstractType ? item.parent._item : null;
  }
  return false;
}

/** The struct holding the character a position sticks to; null when this copy has no such character. */
function anchoredStruct(doc: Y.Doc, position: Y.RelativePosition): Y.AbstractStruct | null {
  const id = position.item;
  if (!id || Y.getState(doc.store, id.client) <= id.clock) return null;
  return Y.getItem(doc.store, id);
}

/** Whether the character a position sticks to is in this copy and was deleted. */
export function isAnchorDeleted(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const struct = anchoredStruct(doc, position);
  return struct !== null && (!(struct instanceof Y.Item) || struct.deleted);
}

/** Whether a position sticks to a character of live text in the fragment `root` of `doc`. */
export function isAnchorLive(doc: Y.Doc, root: Y.XmlFragment, position: Y.RelativePosition): boolean {
  const struct = anchoredStruct(doc, position);
  if (!(struct instanceof Y.Item) || struct.deleted || !(struct.parent instanceof Y.XmlText)) return false;
  return isLiveIn(root, struct.parent);
}

/**
 * The position on the copy of a deleted character that this document's undo or redo brought
 * back, or null. Yjs restores deleted content as new items and links the old ones to them
 * (`item.redone`) only in the document that undid: updates do not carry the link, so every other
 * copy, and this one after a reload, finds the old character deleted.
 */
function restoredPosition(doc: Y.Doc, root: Y.XmlFragment, position: Y.RelativePosition): Y.RelativePosition | null {
  let struct = anchoredStruct(doc, position);
  if (!(struct instanceof Y.Item) || !struct.deleted || struct.redone === null) return null;
  // A restored copy deleted again (undo, redo, undo…) leaves nothing to stick to.
  while (struct instanceof Y.Item && struct.redone !== null) struct = Y.getItem(doc.store, struct.redone);
  if (!(struct instanceof Y.Item) || struct.deleted) return null;
  const followed = Y.createAbsolutePositionFromRelativePosition(position, doc, true);
  if (!followed) return null;
  const restored = Y.createRelativePositionFromTypeIndex(followed.type, followed.index, position.assoc);
  return isAnchorLive(doc, root, restored) ? restored : null;
}

/**
 * The anchors a thread should have instead, when its text was deleted and brought back by an undo
 * or redo of this copy (the start, the end or both moved onto the restored characters); null
 * when the range needs no repair or cannot be repaired from here.
 */
export function restoredRange(doc: Y.Doc, root: Y.XmlFragment, range: RelativeRange): RelativeRange | null {
  const start = restoredPosition(doc, root, range.start);
  const end = restoredPosition(doc, root, range.end);
  if (!start && !end) return null;
  return { start: start ?? range.start, end: end ?? range.end };
}
