import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createTestTeam } from "../testing/factories";
import { reconcileDocuments } from "./reconcile-documents";
import { CollabTestClient } from "./testing/collab-test-client";
import { appendParagraph, documentText } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

let server: CollabTestServer | undefined;
let client: CollabTestClient | undefined;

afterEach(async () => {
  client?.close();
  await server?.close();
});

describe("reconciliation and updates Yjs parked", () => {
  it("delivers a parked update whose dependencies all arrived", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    server = await startCollabTestServer();
    client = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
    const entry = await client.join(documentId);
    const live = server.sockets.collab.registry.get(documentId);
    if (!live) throw new Error("the document is not loaded");

    // Another process's two edits; the second builds on the first.
    const elsewhere = new Y.Doc();
    appendParagraph(elsewhere, "first");
    const afterFirst = Y.encodeStateVector(elsewhere);
    const first = Y.encodeStateAsUpdate(elsewhere);
    appendParagraph(elsewhere, "second");
    const second = Y.encodeStateAsUpdate(elsewhere, afterFirst);

    // The second arrives first and is parked. The state seen after `chaos:deps` stops Redis
    // under two processes: the first arrived too, yet Yjs's note of what the parked update waits
    // for names a clock only the parked update itself would reach, so Yjs never retries it.
    live.applyRemoteUpdate(second, "relay");
    const parked = live.doc.store.pendingStructs;
    if (!parked) throw new Error("the update was not parked");
    live.doc.store.pendingStructs = null;
    live.applyRemoteUpdate(first, "relay");
    live.doc.store.pendingStructs = {
      missing: new Map([[elsewhere.clientID, Y.getState(live.doc.store, elsewhere.clientID)]]),
      update: parked.update,
    };
    await vi.waitFor(() => expect(documentText(entry.doc)).toBe("first"));

    await reconcileDocuments([live]);
    await vi.waitFor(() => expect(documentText(entry.doc)).toBe("first\nsecond"));
    expect(live.doc.store.pendingStructs).toBeNull();
  });
});
