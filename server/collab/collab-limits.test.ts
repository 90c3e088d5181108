import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CollabError } from "@/lib/collab/protocol";
import { createTestTeam } from "../testing/factories";
import { CollabTestClient } from "./testing/collab-test-client";
import { appendParagraph, documentText, storedDocument, updateMessage } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

const MAX_MESSAGE_BYTES = 64 * 1024;
let server: CollabTestServer;
let strict: CollabTestServer;
beforeAll(async () => {
  server = await startCollabTestServer({ collab: { maxMessageBytes: MAX_MESSAGE_BYTES } });
  strict = await startCollabTestServer({ collab: { messagesPerSecond: 5, maxDocumentsPerConnection: 2 } });
});
afterAll(async () => {
  await server.close();
  await strict.close();
});

type Result = { ok: true } | { ok: false; error: CollabError };

async function setUp(target: CollabTestServer = server) {
  const team = await createTestTeam();
  const documentId = await createTestDocument(team.workspace.id);
  const client = await CollabTestClient.connect(target.url, { token: await createTestToken(team.analyst) });
  const entry = await client.join(documentId);
  appendParagraph(entry.doc, "original");
  await client.settled(documentId);
  return { team, documentId, client, entry };
}

function send(client: CollabTestClient, event: string, ...args: unknown[]): Promise<Result> {
  const socket = client.socket as unknown as { emitWithAck: (event: string, ...args: unknown[]) => Promise<Result> };
  return socket.emitWithAck(event, ...args);
}

describe("collaboration limits", () => {
  it("answers malformed, truncated and oversize messages with errors and leaves the document unchanged", async () => {
    const { documentId, client, entry } = await setUp();
    const valid = new Y.Doc();
    appendParagraph(valid, "never applied");
    const message = updateMessage(Y.encodeStateAsUpdate(valid));
    const expectError = async (result: Promise<Result>, code: string) =>
      expect(await result).toMatchObject({ ok: false, error: { code } });

    await expectError(send(client, "doc:sync", documentId, "not bytes"), "invalid_payload");
    await expectError(send(client, "doc:sync", documentId, new Uint8Array([7, 1, 0])), "invalid_message");
    await expectError(send(client, "doc:sync", documentId, new Uint8Array([2, 200, 1, 3])), "invalid_message");
    await expectError(send(client, "doc:sync", documentId, Uint8Array.of(...message, 0)), "invalid_message");
    for (let length = 1; length < message.byteLength; length += 1) {
      await expectError(send(client, "doc:sync", documentId, message.slice(0, length)), "invalid_message");
    }
    await expectError(send(client, "doc:sync", documentId, new Uint8Array(MAX_MESSAGE_BYTES + 1)), "message_too_large");
    await expectError(send(client, "doc:sync", "another-document", message), "not_joined");
    await expectError(send(client, "doc:join", 42), "invalid_payload");
    await expectError(send(client, "doc:join", { documentId, stateVector: "nope" }), "invalid_payload");
    await expectError(send(client, "doc:join", { documentId, stateVector: new Uint8Array([5, 1]) }), "invalid_message");

    const awarenessErrors = client.errors.length;
    const socket = client.socket as unknown as { emit: (event: string, ...args: unknown[]) => void };
    socket.emit("doc:awareness", documentId, new Uint8Array([1, 5, 1, 3, 123]));
    socket.emit("doc:awareness", documentId, new Uint8Array([1, 5, 1, 4, 110, 117, 108]));
    socket.emit("doc:awareness", documentId, { not: "bytes" });

    // Still connected and working: a valid update after all that is applied and acknowledged.
    appendParagraph(entry.doc, "still alive");
    await client.settled(documentId);
    expect(entry.acks.at(-1)).toEqual({ ok: true });
    expect(client.errors.slice(awarenessErrors).map((error) => error.error.code)).toEqual(
      expect.arrayContaining(["invalid_message", "invalid_payload"]),
    );
    expect(documentText(await storedDocument(documentId))).toBe("original\nstill alive");
    client.close();
  });

  it("survives randomly corrupted updates and stores exactly what it applied", async () => {
    const { documentId, client, entry } = await setUp();
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 150; round += 1) {
      const source = new Y.Doc();
      Y.applyUpdate(source, Y.encodeStateAsUpdate(entry.doc));
      appendParagraph(source, `fuzz ${round}`);
      const bytes = updateMessage(Y.encodeStateAsUpdate(source, Y.encodeStateVector(entry.doc)));
      for (let flips = 0; flips < 1 + Math.floor(random() * 3); flips += 1) {
        const index = 1 + Math.floor(random() * (bytes.byteLength - 1));
        bytes[index] = (bytes[index] ?? 0) ^ (1 << Math.floor(random() * 8));
      }
      const result = await send(client, "doc:sync", documentId, bytes);
      if (!result.ok) expect(["invalid_message", "invalid_payload", "out_of_sync"]).toContain(result.error.code);
    }
    // Whatever was accepted is what was stored, and the server is still serving the document.
    await server.sockets.collab.flush();
    const live = server.sockets.collab.registry.get(documentId);
    if (!live) throw new Error("document not loaded");
    const stored = await storedDocument(documentId);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(live.doc));
    expect(documentText(stored)).toBe(documentText(live.doc));
    appendParagraph(entry.doc, "after the fuzz");
    await client.settled(documentId);
    expect(entry.acks.at(-1)).toEqual({ ok: true });
    client.close();
  });

  it("asks for a full sync when an update builds on changes the server does not have", async () => {
    const { documentId, client, entry } = await setUp();
    entry.online = false;
    const updates: Uint8Array[] = [];
    entry.doc.on("update", (update: Uint8Array) => updates.push(update));
    appendParagraph(entry.doc, "first, never sent");
    appendParagraph(entry.doc, "second, depends on the first");
    entry.online = true;
    const result = await send(client, "doc:sync", documentId, updateMessage(updates[1] ?? new Uint8Array()));
    expect(result).toMatchObject({ ok: false, error: { code: "out_of_sync" } });
    // The client answered the server's step 1 with a step 2 carrying both updates.
    await client.settled(documentId);
    expect(entry.acks.at(-1)).toEqual({ ok: true });
    expect(documentText(await storedDocument(documentId))).toBe(
      "original\nfirst, never sent\nsecond, depends on the first",
    );
    client.close();
  });

  it("rate-limits a noisy connection without disconnecting it", async () => {
    const { documentId, client, entry } = await setUp(strict);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => send(client, "doc:sync", documentId, updateMessage(new Uint8Array([0, 0])))),
    );
    const limited = results.filter((result) => !result.ok && result.error.code === "rate_limited");
    expect(limited.length).toBeGreaterThan(10);
    expect(client.socket.connected).toBe(true);
    expect(entry.doc.getXmlFragment("default").length).toBe(1);
    client.close();
  });

  it("limits the documents one connection may open", async () => {
    const { team, client } = await setUp(strict);
    const second = await createTestDocument(team.workspace.id);
    const third = await createTestDocument(team.workspace.id);
    await client.join(second);
    await expect(client.join(third)).rejects.toMatchObject({ code: "too_many_documents" });
    client.close();
  });
});
