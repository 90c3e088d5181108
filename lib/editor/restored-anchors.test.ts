import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type RelativeRange, restoredRange } from "./restored-anchors";

const PARAGRAPH = "The depot at Tikhoretsk is crucial for handling munitions.";
const PHRASE = "crucial for handling";
const AT = PARAGRAPH.indexOf(PHRASE);

/** A paragraph, a range on the phrase anchored as the editor anchors it, and an undo manager for later edits. */
function commented() {
  const doc = new Y.Doc();
  const root = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText(PARAGRAPH);
  paragraph.insert(0, [text]);
  root.insert(0, [paragraph]);
  const range: RelativeRange = {
    start: Y.createRelativePositionFromTypeIndex(text, AT, 0),
    end: Y.createRelativePositionFromTypeIndex(text, AT + PHRASE.length, -1),
  };
  return { doc, root, text, range, undo: new Y.UndoManager(root) };
}

/** The text a range encloses in a copy that knows nothing of undo links (any other client, a reload). */
function textIn(doc: Y.Doc, range: RelativeRange): string | null {
  const update = Y.encodeStateAsUpdate(doc);
  const other = new Y.Doc();
  Y.applyUpdate(other, update);
  const from = Y.createAbsolutePositionFromRelativePosition(range.start, other);
  const to = Y.createAbsolutePositionFromRelativePosition(range.end, other);
  if (!from || !to || from.type !== to.type || from.index >= to.index) return null;
  return from.type.toString().slice(from.index, to.index);
}

describe("restoredRange", () => {
  it("needs no repair while the text is there, and none when it is deleted for good", () => {
    const { doc, root, text, range } = commented();
    expect(restoredRange(doc, root, range)).toBeNull();
    text.delete(AT, PHRASE.length);
    expect(restoredRange(doc, root, range)).toBeNull();
  });

  it("moves both ends onto the text an undo restored, which every copy then places", () => {
    const { doc, root, text, range, undo } = commented();
    text.delete(AT, PHRASE.length);
    undo.undo();
    expect(textIn(doc, range)).toBeNull();
    const restored = restoredRange(doc, root, range);
    expect(restored && textIn(doc, restored)).toBe(PHRASE);
  });

  it("follows undo, redo, undo to the latest copy, and gives up while the text is deleted again", () => {
    const { doc, root, text, range, undo } = commented();
    text.delete(AT, PHRASE.length);
    undo.undo();
    undo.redo();
    expect(restoredRange(doc, root, range)).toBeNull();
    undo.undo();
    const restored = restoredRange(doc, root, range);
    expect(restored && textIn(doc, restored)).toBe(PHRASE);
  });

  it("repairs only the end whose characters were restored when part of the phrase was deleted", () => {
    const { doc, root, text, range, undo } = commented();
    // "handling" deleted and restored: the start still sticks to "crucial".
    text.delete(AT + PHRASE.length - "handling".length, "handling".length);
    undo.undo();
    const restored = restoredRange(doc, root, range);
    expect(restored?.start).toBe(range.start);
    expect(restored && textIn(doc, restored)).toBe(PHRASE);
  });
});
