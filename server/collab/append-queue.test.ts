import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeRows } from "./append-queue";
import type { UpdateRow } from "./insert-update-rows";

const DOC_A = "00000000-0000-4000-8000-00000000000a";
const DOC_B = "00000000-0000-4000-8000-00000000000b";

/** Each keystroke of `doc` as its own update, the way a client sends them. */
function keystrokes(doc: Y.Doc, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on("update", record);
  for (const char of text) doc.getText("t").insert(doc.getText("t").length, char);
  doc.off("update", record);
  return updates;
}

function textOf(rows: UpdateRow[], documentId: string): string {
  const doc = new Y.Doc();
  for (const row of rows.filter((candidate) => candidate.documentId === documentId)) Y.applyUpdate(doc, row.update);
  return doc.getText("t").toString();
}

describe("mergeRows", () => {
  it("stores one row per document and sender, holding exactly what the separate updates held", () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const aliceUpdates = keystrokes(alice, "abc");
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const bobUpdates = keystrokes(bob, "xy");
    const other = new Y.Doc();
    const otherUpdates = keystrokes(other, "q");
    const rows: UpdateRow[] = [
      { documentId: DOC_A, update: aliceUpdates[0] as Uint8Array, userId: "alice" },
      { documentId: DOC_A, update: bobUpdates[0] as Uint8Array, userId: "bob" },
      { documentId: DOC_B, update: otherUpdates[0] as Uint8Array, userId: "alice" },
      { documentId: DOC_A, update: aliceUpdates[1] as Uint8Array, userId: "alice" },
      { documentId: DOC_A, update: bobUpdates[1] as Uint8Array, userId: "bob" },
      { documentId: DOC_A, update: aliceUpdates[2] as Uint8Array, userId: "alice" },
    ];

    const merged = mergeRows(rows);

    expect(merged.map((row) => [row.documentId, row.userId])).toEqual([
      [DOC_A, "alice"],
      [DOC_A, "bob"],
      [DOC_B, "alice"],
    ]);
    expect(textOf(merged, DOC_A)).toBe(textOf(rows, DOC_A));
    expect(textOf(merged, DOC_A)).toBe("abcxy");
    expect(textOf(merged, DOC_B)).toBe("q");
  });

  it("returns a batch with nothing to merge as it is", () => {
    const rows: UpdateRow[] = [
      { documentId: DOC_A, update: keystrokes(new Y.Doc(), "a")[0] as Uint8Array, userId: "alice" },
      { documentId: DOC_A, update: keystrokes(new Y.Doc(), "b")[0] as Uint8Array, userId: null },
    ];
    expect(mergeRows(rows)).toBe(rows);
  });
});
