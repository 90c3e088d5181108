import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { CollabNamespace } from "./collab-types";
import { DocumentBroadcast } from "./document-broadcast";
import { decodeSyncMessage } from "./sync-messages";

interface Sent {
  event: string;
  except: string | null;
  bytes: Uint8Array;
}

/** The part of a Socket.io namespace the broadcast uses, recording what it emits. */
function recordingNamespace(sent: Sent[]): CollabNamespace {
  const target = (except: string | null) => ({
    except: (socketId: string) => target(socketId),
    emit: (event: string, _documentId: string, bytes: Uint8Array) => {
      sent.push({ event, except, bytes });
      return true;
    },
  });
  return {
    local: { to: () => target(null) },
    adapter: { rooms: new Map([["doc:d", new Set(["a", "b", "c"])]]) },
  } as unknown as CollabNamespace;
}

/** Two successive keystrokes of one writer, as Yjs updates. */
function keystrokes(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  doc.getText("t").insert(0, "a");
  doc.getText("t").insert(1, "b");
  return updates;
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText("t").toString();
}

function updateIn(entry: Sent | undefined): Uint8Array {
  if (!entry) throw new Error("nothing sent");
  const message = decodeSyncMessage(entry.bytes);
  if (message.type === "step1") throw new Error("a step 1 was broadcast");
  return message.update;
}

describe("DocumentBroadcast", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends an update to a quiet document at once, and merges the ones right behind it into one message", () => {
    const sent: Sent[] = [];
    const broadcast = new DocumentBroadcast("d", "doc:d", recordingNamespace(sent), undefined, 4);
    const [first, second] = keystrokes();
    if (!first || !second) throw new Error("no updates");

    broadcast.update(first, "a", true);
    // Out before the call returned: the lone keystroke waited for nothing.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ event: "doc:sync", except: "a" });

    vi.advanceTimersByTime(1);
    broadcast.update(second, "a", true);
    broadcast.presence(new Uint8Array([1, 2, 3]), "a", true);
    // Right behind the first: held until the window the first opened closes, the caret behind its text.
    vi.advanceTimersByTime(2);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.map((entry) => entry.event)).toEqual(["doc:sync", "doc:sync", "doc:awareness"]);
    expect(textOf([updateIn(sent[0]), updateIn(sent[1])])).toBe("ab");
  });

  it("sends presence at once when no content is waiting", () => {
    const sent: Sent[] = [];
    const broadcast = new DocumentBroadcast("d", "doc:d", recordingNamespace(sent), undefined, 4);
    broadcast.presence(new Uint8Array([1, 2, 3]), "b", false);
    expect(sent).toEqual([{ event: "doc:awareness", except: "b", bytes: expect.any(Uint8Array) }]);
  });

  it("merges the updates of several senders arriving together into one message for everyone", () => {
    const sent: Sent[] = [];
    const broadcast = new DocumentBroadcast("d", "doc:d", recordingNamespace(sent), undefined, 4);
    const [first, second] = keystrokes();
    const other = new Y.Doc();
    const others: Uint8Array[] = [];
    other.on("update", (update: Uint8Array) => others.push(update));
    other.getText("t").insert(0, "z");
    if (!first || !second || !others[0]) throw new Error("no updates");

    broadcast.update(first, "a", true);
    broadcast.update(second, "a", true);
    broadcast.update(others[0], "b", true);
    vi.advanceTimersByTime(4);
    expect(sent).toHaveLength(2);
    // Mixed senders: nobody is skipped, each ignores what it already has.
    expect(sent[1]?.except).toBeNull();
    expect(
      textOf([updateIn(sent[0]), updateIn(sent[1])])
        .split("")
        .sort()
        .join(""),
    ).toBe("abz");
  });

  it("sends a steady stream of updates as one message per window, each holding what arrived in it", () => {
    const sent: Sent[] = [];
    const broadcast = new DocumentBroadcast("d", "doc:d", recordingNamespace(sent), undefined, 4);
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on("update", (update: Uint8Array) => updates.push(update));
    // 40 keystrokes, one per millisecond (many people typing at once).
    for (let index = 0; index < 40; index += 1) {
      writer.getText("t").insert(index, String.fromCharCode(97 + (index % 26)));
      broadcast.update(updates[index] as Uint8Array, "a", true);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(4);
    // The first at once, then one per 4 ms window (at 4, 8, … 40 ms): 11 messages instead of 40.
    expect(sent).toHaveLength(11);
    expect(textOf(sent.map(updateIn))).toBe(writer.getText("t").toString());
  });
});
