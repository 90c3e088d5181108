import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { documentContent, documentSnapshots, documentUpdates } from "@/db/schema";
import { createTestTeam } from "../testing/factories";
import { compactDocument } from "./compact-document";
import { type InsertUpdateRows, insertUpdateRows } from "./insert-update-rows";
import { CollabTestClient } from "./testing/collab-test-client";
import { appendParagraph, deferred, documentText, nextEvent, storedDocument } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

const servers: CollabTestServer[] = [];
const clients: CollabTestClient[] = [];

async function start(options: Parameters<typeof startCollabTestServer>[0] = {}): Promise<CollabTestServer> {
  const server = await startCollabTestServer(options);
  servers.push(server);
  return server;
}

async function connect(server: CollabTestServer, token: string): Promise<CollabTestClient> {
  const client = await CollabTestClient.connect(server.url, { token });
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

describe("collaboration durability", () => {
  it("keeps every acknowledged update when the server crashes", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const token = await createTestToken(team.analyst);
    const stuck = deferred();
    stuck.promise.catch(() => {});
    let holdCommits = false;
    const first = await start({
      insertRows: async (rows) => {
        if (holdCommits) await stuck.promise;
        return insertUpdateRows(rows);
      },
    });
    const writer = await connect(first, token);
    const entry = await writer.join(documentId);
    for (let index = 0; index < 20; index += 1) appendParagraph(entry.doc, `acked ${index}`);
    await writer.settled(documentId);
    expect(entry.acks.every((ack) => ack.ok)).toBe(true);

    holdCommits = true;
    for (let index = 0; index < 5; index += 1) appendParagraph(entry.doc, `unacked ${index}`);
    await first.crash();
    stuck.reject(new Error("the process died"));

    const second = await start();
    const reader = await connect(second, token);
    const reloaded = await reader.join(documentId);
    const lines = documentText(reloaded.doc).split("\n");
    for (let index = 0; index < 20; index += 1) expect(lines).toContain(`acked ${index}`);

    // The writer kept its unacknowledged edits (as y-indexeddb would) and resends them on rejoin.
    entry.online = false;
    const again = await connect(second, token);
    await again.join(documentId, entry.doc);
    await again.settled(documentId);
    const stored = documentText(await storedDocument(documentId)).split("\n");
    for (let index = 0; index < 5; index += 1) expect(stored).toContain(`unacked ${index}`);
  });

  it("loses nothing when compaction races with appends", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const token = await createTestToken(team.analyst);
    const server = await start({ collab: { compactBytes: 2048 } });
    const writers = await Promise.all([connect(server, token), connect(server, token), connect(server, token)]);
    const entries = await Promise.all(writers.map((writer) => writer.join(documentId)));

    // Besides the compactions the server starts on its own (the threshold is tiny), compact
    // explicitly while a row is appended between reading the rows and deleting them.
    const raced = new Y.Doc();
    const racedTexts: string[] = [];
    const insertRaced = async (text: string) => {
      appendParagraph(raced, text);
      await getDatabase()
        .insert(documentUpdates)
        .values({ documentId, update: Y.encodeStateAsUpdate(raced), userId: team.analyst.id });
    };
    const explicit = (async () => {
      for (let round = 0; round < 3; round += 1) {
        await insertRaced(`before ${round}`);
        let racing: Promise<void> | undefined;
        await compactDocument({
          documentId,
          afterRead: () => {
            racing = insertRaced(`raced ${round}`);
          },
        });
        await racing;
        if (racing) racedTexts.push(`raced ${round}`);
      }
    })();
    await Promise.all(
      entries.map(async (entry, writer) => {
        for (let index = 0; index < 60; index += 1) {
          appendParagraph(entry.doc, `w${writer}-${index} ${"x".repeat(40)}`);
          if (index % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    await Promise.all(writers.map((writer) => writer.settled(documentId)));
    await explicit;
    // A compaction finding every row already folded by the server's own has nothing to race.
    expect(racedTexts.length).toBeGreaterThan(0);
    await compactDocument({ documentId });

    const stored = documentText(await storedDocument(documentId)).split("\n");
    for (let writer = 0; writer < 3; writer += 1) {
      for (let index = 0; index < 60; index += 1) expect(stored).toContain(`w${writer}-${index} ${"x".repeat(40)}`);
    }
    for (let round = 0; round < 3; round += 1) expect(stored).toContain(`before ${round}`);
    for (const text of racedTexts) expect(stored).toContain(text);
    const [snapshot] = await getDatabase()
      .select({ version: documentSnapshots.version })
      .from(documentSnapshots)
      .where(eq(documentSnapshots.documentId, documentId));
    expect(snapshot?.version).toBeGreaterThan(3);
  });

  it("tells clients when saves fail, never acks until durable, and recovers", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    let databaseDown = false;
    const flaky: InsertUpdateRows = async (rows) => {
      if (databaseDown) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      return insertUpdateRows(rows);
    };
    const server = await start({ insertRows: flaky });
    const writer = await connect(server, await createTestToken(team.analyst));
    const entry = await writer.join(documentId);
    await writer.settled(documentId);
    const acksBefore = entry.acks.length;

    databaseDown = true;
    const notSaved = nextEvent<[string, { durable: boolean }]>(writer, "doc:saved-state");
    appendParagraph(entry.doc, "during the outage");
    expect((await notSaved)[1]).toEqual({ durable: false });
    expect(entry.acks).toHaveLength(acksBefore);

    const saved = nextEvent<[string, { durable: boolean }]>(writer, "doc:saved-state");
    databaseDown = false;
    expect((await saved)[1]).toEqual({ durable: true });
    await writer.settled(documentId);
    expect(entry.acks.slice(acksBefore)).toEqual([{ ok: true }]);
    expect(documentText(await storedDocument(documentId))).toBe("during the outage");
  });

  it("stores a derived ProseMirror JSON and text copy of the document", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const server = await start();
    const writer = await connect(server, await createTestToken(team.analyst));
    const entry = await writer.join(documentId);
    appendParagraph(entry.doc, "Tikhoretsk is likely to remain crucial.");
    appendParagraph(entry.doc, "About 50 rail cars in April 2024.");
    await writer.settled(documentId);
    await server.sockets.collab.flush();
    const [content] = await getDatabase()
      .select()
      .from(documentContent)
      .where(eq(documentContent.documentId, documentId));
    expect(content?.text).toBe("Tikhoretsk is likely to remain crucial.\nAbout 50 rail cars in April 2024.");
    expect(content?.json).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Tikhoretsk is likely to remain crucial." }] },
        { type: "paragraph", content: [{ type: "text", text: "About 50 rail cars in April 2024." }] },
      ],
    });
  });

  it("sends a large document's initial sync in chunks", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const server = await start({ collab: { syncChunkBytes: 16 * 1024 } });
    const token = await createTestToken(team.analyst);
    const writer = await connect(server, token);
    const entry = await writer.join(documentId);
    for (let index = 0; index < 10; index += 1) appendParagraph(entry.doc, `${index} ${"long text ".repeat(1000)}`);
    await writer.settled(documentId);

    const reader = await connect(server, token);
    const chunked = nextEvent<[string, { index: number; count: number }]>(reader, "doc:sync-chunk");
    const joined = await reader.join(documentId);
    expect((await chunked)[1].count).toBeGreaterThan(5);
    expect(documentText(joined.doc)).toBe(documentText(entry.doc));
  });
});
