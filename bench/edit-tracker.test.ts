import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { FROM_SERVER } from "./client-types";
import { EditTracker } from "./edit-tracker";

function typeInto(tracker: EditTracker, writer: Y.Doc, text: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  writer.on("update", capture);
  for (const character of text) {
    tracker.markSent(writer);
    writer.getText("t").insert(writer.getText("t").length, character);
  }
  writer.off("update", capture);
  return updates;
}

describe("EditTracker", () => {
  it("times each edit once per receiver, also when the server merges several into one message", () => {
    const tracker = new EditTracker();
    const writer = new Y.Doc();
    const receivers = [new Y.Doc(), new Y.Doc()];
    for (const receiver of receivers) tracker.observe(receiver);
    const updates = typeInto(tracker, writer, "abcd");
    for (const receiver of receivers) {
      Y.applyUpdate(receiver, updates[0] ?? new Uint8Array(), FROM_SERVER);
      Y.applyUpdate(receiver, Y.mergeUpdates(updates.slice(1)), FROM_SERVER);
    }
    expect(tracker.delivered).toBe(8);
    expect(tracker.perEdit().last).toHaveLength(4);
  });

  it("ignores local transactions and edits made outside the window", () => {
    const tracker = new EditTracker();
    const writer = new Y.Doc();
    const receiver = new Y.Doc();
    tracker.observe(receiver);
    const early = typeInto(tracker, writer, "ab");
    tracker.from = Number.POSITIVE_INFINITY;
    Y.applyUpdate(receiver, Y.mergeUpdates(early), "not-from-server");
    tracker.from = 0;
    const late = typeInto(tracker, writer, "cd");
    tracker.to = 0;
    Y.applyUpdate(receiver, Y.mergeUpdates(late), FROM_SERVER);
    expect(tracker.delivered).toBe(0);
    expect(receiver.getText("t").toString()).toBe("abcd");
  });
});
