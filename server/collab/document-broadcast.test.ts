import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
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
  it("sends an update to a quiet document at once, and merges the ones right behind it into one message", async () => {
    const sent: Sent[] = [];
    const broadcast = new DocumentBroadcast("d", "doc:d", recordingNamespace(sent), undefined, 60_000);
    const [first, second] = keystrokes();
    if (!first || !second) throw new Error("no updates");

    broadcast.update(first, "a", true);
    // Out before the call returned: the lone keystroke waited for nothing.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ event: "doc:sync", except: "a" });

    broadcast.update(second, "a", true);
    broadcast.presence(new Uint8Array([1, 2, 3]), "a", true);
    // Right behind the first: batched until the end of the turn, the caret behind its text.
    expect(sent).toHaveLength(1);
    await nextTurn();
    expect(sent.map((entry) => entry.event)).toEqual(["doc:sync", "doc:sync", "doc:awareness"]);
    expect(textOf([updateIn(sent[0]), updateIn(sent[1])])).toBe("ab");
  });

  it("sends presence at once when no content is waiting", () => {
    const sent: Sent[] = [];
    const broadcast = new DocumentBroadcast("d", "doc:d", recordingNamespace(sent), undefined, 60_000);
    broadcast.presence(new Uint8Array([1, 2, 3]), "b", false);
    expect(sent).toEqual([{ event: "doc:awareness", except: "b", bytes: expect.any(Uint8Array) }]);
  });

  it("merges the updates of several senders arriving together into one message for everyone", async () => {
    const sent: Sent[] = [];
    const broadcast = new DocumentBroadcast("d", "doc:d", recordingNamespace(sent), undefined, 60_000);
    const [first, second] = keystrokes();
    const other = new Y.Doc();
    const others: Uint8Array[] = [];
    other.on("update", (update: Uint8Array) => others.push(update));
    other.getText("t").insert(0, "z");
    if (!first || !second || !others[0]) throw new Error("no updates");

    broadcast.update(first, "a", true);
    broadcast.update(second, "a", true);
    broadcast.update(others[0], "b", true);
    await nextTurn();
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
});
