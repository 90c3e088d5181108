import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeUpdates } from "./merge-updates";

/** `writers` clients typing in turns into their own paragraph of one shared text, as updates. */
function typing(writers: number, keystrokes: number): { base: Uint8Array; updates: Uint8Array[] } {
  const origin = new Y.Doc();
  origin.getText("t").insert(0, "\n".repeat(writers));
  const base = Y.encodeStateAsUpdate(origin);
  const docs = Array.from({ length: writers }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    return doc;
  });
  const updates: Uint8Array[] = [];
  for (const doc of docs) doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < keystrokes; index += 1) {
    const writer = index % writers;
    const doc = docs[writer] as Y.Doc;
    const text = doc.getText("t");
    // At the end of the writer's own line; every fifth keystroke deletes the one before.
    const lines = text.toString().split("\n");
    const end = lines.slice(0, writer + 1).join("\n").length;
    if (index % 5 === 4 && lines[writer]) text.delete(end - 1, 1);
    else text.insert(end, String.fromCharCode(97 + writer));
  }
  return { base, updates };
}

function textAfter(base: Uint8Array, updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText("t").toString();
}

describe("mergeUpdates", () => {
  it("merges more updates than one group holds into one update with every change", () => {
    const { base, updates } = typing(7, 1500);
    const merged = mergeUpdates(updates);
    expect(textAfter(base, [merged])).toBe(textAfter(base, updates));
    // The same bytes as one `Y.mergeUpdates` call over all of them, only sooner.
    expect(Buffer.from(merged).equals(Buffer.from(Y.mergeUpdates(updates)))).toBe(true);
  });

  it("returns a lone update as it is", () => {
    const { updates } = typing(1, 1);
    expect(mergeUpdates(updates)).toBe(updates[0]);
  });
});
