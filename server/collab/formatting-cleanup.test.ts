import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestTeam } from "../testing/factories";
import { CollabTestClient } from "./testing/collab-test-client";
import { storedDocument, updateMessage } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

// Yjs tidies formatting on its own: when a remote update leaves redundant format marks in a text
// (two people bolding the same words at once), it deletes them in a transaction of its own, with
// no origin. Found by the protocol fuzzer (`npm run chaos:fuzz`): the server's update handler
// assumed every transaction had one of its origins, threw, refused an update it had applied and
// broadcast, and left Yjs's transaction cleanup half done, after which no update of the document
// was broadcast or stored although every sender was told it was saved.

let server: CollabTestServer;

beforeAll(async () => {
  server = await startCollabTestServer();
});
afterAll(async () => {
  await server.close();
});

/** `hello world` in one paragraph: the document both editors start from. */
function baseUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("hello world")]);
  doc.getXmlFragment("default").insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** What an editor that starts from `base` and bolds "hello" sends. */
function boldHello(base: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  const text = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.format(0, 5, { bold: true });
  return Y.encodeStateAsUpdate(doc, before);
}

/** The snapshot (state vector and deletions) of a document, to compare two copies exactly. */
const snapshotOf = (doc: Y.Doc) => Buffer.from(Y.encodeSnapshot(Y.snapshot(doc)));

describe("formatting Yjs tidies up by itself", () => {
  it("accepts concurrent bolding of the same words, and keeps saving and broadcasting afterwards", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const token = await createTestToken(team.analyst);
    const [first, second, reader] = await Promise.all(
      [0, 1, 2].map(() => CollabTestClient.connect(server.url, { token })),
    );
    if (!first || !second || !reader) throw new Error("no clients");
    try {
      await first.join(documentId);
      await second.join(documentId);
      const base = baseUpdate();
      expect(await first.sendSync(documentId, updateMessage(base))).toEqual({ ok: true });

      // Both bolded "hello" before seeing the other's change.
      const [bold1, bold2] = [boldHello(base), boldHello(base)];
      expect(await first.sendSync(documentId, updateMessage(bold1))).toEqual({ ok: true });
      expect(await second.sendSync(documentId, updateMessage(bold2))).toEqual({ ok: true });

      // Typing goes on, is saved and reaches a reader who joins now.
      const typing = new Y.Doc();
      for (const update of [base, bold1, bold2]) Y.applyUpdate(typing, update);
      const before = Y.encodeStateVector(typing);
      ((typing.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(11, "!");
      expect(await first.sendSync(documentId, updateMessage(Y.encodeStateAsUpdate(typing, before)))).toEqual({
        ok: true,
      });
      await server.sockets.collab.flush();
      const live = server.sockets.collab.registry.get(documentId);
      if (!live) throw new Error("document not loaded");
      const stored = await storedDocument(documentId);
      const joined = await reader.join(documentId);
      expect(stored.getXmlFragment("default").toString()).toBe("<paragraph><bold>hello</bold> world!</paragraph>");
      expect(snapshotOf(stored)).toEqual(snapshotOf(live.doc));
      expect(snapshotOf(joined.doc)).toEqual(snapshotOf(live.doc));
      expect([...first.errors, ...second.errors, ...reader.errors]).toEqual([]);
    } finally {
      for (const client of [first, second, reader]) client.close();
    }
  });
});
