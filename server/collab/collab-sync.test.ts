import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { listAssessments } from "../assessments/list-assessments";
import { env } from "../env";
import { createTestTeam, createTestUser } from "../testing/factories";
import { compactDocument } from "./compact-document";
import type { InsertUpdateRows } from "./insert-update-rows";
import { insertUpdateRows } from "./insert-update-rows";
import { CollabTestClient } from "./testing/collab-test-client";
import {
  appendParagraph,
  deferred,
  documentText,
  firstParagraphText,
  roundTrip,
  storedDocument,
} from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

let server: CollabTestServer;
// Lets a test hold commits back, to observe what happens between apply and commit.
let commitGate: Promise<void> | null = null;
let insertCalled: (() => void) | null = null;
const gatedInsert: InsertUpdateRows = async (rows) => {
  insertCalled?.();
  if (commitGate) await commitGate;
  return insertUpdateRows(rows);
};

beforeAll(async () => {
  server = await startCollabTestServer({ insertRows: gatedInsert });
});
afterAll(async () => {
  await server.close();
});

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("collaboration sync", () => {
  it("converges ten clients making random concurrent edits, and the stored document equals it", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const token = await createTestToken(team.analyst);
    const clients = await Promise.all(
      Array.from({ length: 10 }, () => CollabTestClient.connect(server.url, { token })),
    );
    const first = await clients[0]?.join(documentId);
    if (!first) throw new Error("no first client");
    firstParagraphText(first.doc).insert(0, "start ");
    await clients[0]?.settled(documentId);
    await Promise.all(clients.slice(1).map((client) => client.join(documentId)));

    await Promise.all(
      clients.map(async (client, index) => {
        const random = seededRandom(index + 1);
        const entry = client.documents.get(documentId);
        if (!entry) throw new Error("not joined");
        for (let step = 0; step < 40; step += 1) {
          const text = firstParagraphText(entry.doc);
          if (random() < 0.7 || text.length < 3) {
            text.insert(Math.floor(random() * (text.length + 1)), `${index}${"abc"[step % 3]}`);
          } else {
            text.delete(Math.floor(random() * (text.length - 2)), 2);
          }
          if (step % 5 === 0) appendParagraph(entry.doc, `p${index}-${step}`);
          // Let other clients' messages interleave with this one's edits.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    await Promise.all(clients.map((client) => client.settled(documentId)));
    await Promise.all(clients.map((client) => roundTrip(client, documentId)));

    const texts = clients.map((client) => documentText(client.documents.get(documentId)?.doc ?? new Y.Doc()));
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]?.length).toBeGreaterThan(100);
    for (const client of clients) {
      expect(client.documents.get(documentId)?.acks.every((ack) => ack.ok)).toBe(true);
      client.close();
    }
    expect(documentText(await storedDocument(documentId))).toBe(texts[0]);

    // A new client after everyone left gets the document reloaded from the database.
    await server.sockets.collab.flush();
    const late = await CollabTestClient.connect(server.url, { token });
    const reloaded = await late.join(documentId);
    expect(documentText(reloaded.doc)).toBe(texts[0]);
    late.close();
  });

  it("gives each newcomer the document as it is now, though the whole state is encoded once and shared", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const token = await createTestToken(team.analyst);
    const writer = await CollabTestClient.connect(server.url, { token });
    const mine = await writer.join(documentId);
    appendParagraph(mine.doc, "first");
    await writer.settled(documentId);
    const first = await CollabTestClient.connect(server.url, { token });
    const second = await CollabTestClient.connect(server.url, { token });
    const [a, b] = await Promise.all([first.join(documentId), second.join(documentId)]);
    expect(documentText(a.doc)).toBe(documentText(mine.doc));
    expect(documentText(b.doc)).toBe(documentText(mine.doc));

    appendParagraph(mine.doc, "second");
    await writer.settled(documentId);
    const third = await CollabTestClient.connect(server.url, { token });
    const c = await third.join(documentId);
    expect(documentText(c.doc).split("\n")).toEqual(documentText(mine.doc).split("\n"));
    expect(documentText(c.doc)).toContain("second");
    for (const client of [writer, first, second, third]) client.close();
  });

  it("opens a compacted document from its snapshot, and newcomers after an edit get the edit too", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const token = await createTestToken(team.analyst);
    const writer = await CollabTestClient.connect(server.url, { token });
    const mine = await writer.join(documentId);
    for (let index = 0; index < 5; index += 1) appendParagraph(mine.doc, `before compaction ${index}`);
    await writer.settled(documentId);
    await compactDocument({ documentId });
    writer.close();
    // A process that never held the document reads it from the database: a snapshot, no rows.
    const fresh = await startCollabTestServer();
    try {
      const first = await CollabTestClient.connect(fresh.url, { token });
      const opened = await first.join(documentId);
      expect(documentText(opened.doc)).toBe(documentText(mine.doc));
      appendParagraph(opened.doc, "after compaction");
      await first.settled(documentId);
      const second = await CollabTestClient.connect(fresh.url, { token });
      const later = await second.join(documentId);
      expect(documentText(later.doc)).toBe(documentText(opened.doc));
      expect(documentText(later.doc)).toContain("after compaction");
      first.close();
      second.close();
    } finally {
      await fresh.close();
    }
  });

  it("makes whoever writes in the document an author of the assessment", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const writer = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
    const joined = await writer.join(documentId);
    firstParagraphText(joined.doc).insert(0, "Tikhoretsk is likely to remain crucial.");
    await writer.settled(documentId);
    writer.close();
    const listed = await listAssessments({ actor: team.owner, workspaceId: team.workspace.id });
    const authors = listed.find((assessment) => assessment.id === documentId)?.authors.map((author) => author.id);
    expect(authors).toContain(team.analyst.id);
  });

  it("acknowledges an update only after its row is committed, while peers see it at once", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const token = await createTestToken(team.analyst);
    const writer = await CollabTestClient.connect(server.url, { token });
    const peer = await CollabTestClient.connect(server.url, { token: await createTestToken(team.owner) });
    const mine = await writer.join(documentId);
    const theirs = await peer.join(documentId);

    await writer.settled(documentId);
    const acksBefore = mine.acks.length;

    const gate = deferred();
    const called = deferred();
    commitGate = gate.promise;
    insertCalled = called.resolve;
    try {
      const peerSaw = deferred();
      theirs.doc.on("update", () => peerSaw.resolve());
      mine.doc.transact(() => firstParagraphText(mine.doc).insert(0, "held back"));
      await called.promise;
      await peerSaw.promise;
      // Messages on one connection are answered in order: had the server acked before the
      // commit, that ack would have arrived before this round trip's.
      await roundTrip(writer, documentId);
      expect(mine.acks).toHaveLength(acksBefore);
      expect(documentText(theirs.doc)).toBe("held back");
    } finally {
      commitGate = null;
      insertCalled = null;
      gate.resolve();
    }
    await writer.settled(documentId);
    expect(mine.acks.slice(acksBefore)).toEqual([{ ok: true }]);
    // The ack arrived, so the row must be there.
    expect(documentText(await storedDocument(documentId))).toBe("held back");
    writer.close();
    peer.close();
  });

  it("merges edits made offline when the client joins again", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const token = await createTestToken(team.analyst);
    const offline = await CollabTestClient.connect(server.url, { token });
    const online = await CollabTestClient.connect(server.url, { token });
    const offlineDoc = await offline.join(documentId);
    const onlineDoc = await online.join(documentId);
    appendParagraph(onlineDoc.doc, "before");
    await online.settled(documentId);
    await roundTrip(offline, documentId);

    offline.close();
    offlineDoc.online = false;
    appendParagraph(offlineDoc.doc, "written offline");
    appendParagraph(onlineDoc.doc, "written online");
    await online.settled(documentId);

    const back = await CollabTestClient.connect(server.url, { token });
    const rejoined = await back.join(documentId, offlineDoc.doc);
    await back.settled(documentId);
    await roundTrip(online, documentId);
    expect(documentText(rejoined.doc)).toBe(documentText(onlineDoc.doc));
    expect(documentText(rejoined.doc).split("\n").sort()).toEqual(["before", "written offline", "written online"]);
    expect(documentText(await storedDocument(documentId))).toBe(documentText(onlineDoc.doc));
    back.close();
    online.close();
  });

  it("authenticates with the session cookie, and refuses connections without credentials", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const cookie = await encode({ token: { sub: team.viewer.id }, secret: env().authSecret });
    const client = await CollabTestClient.connect(server.url, {
      // A browser sends its page's origin with the handshake; the cookie counts only from ours.
      headers: { cookie: `next-auth.session-token=${cookie}`, origin: env().publicUrl },
    });
    const joined = await client.join(documentId);
    expect(joined.join).toMatchObject({ ok: true, role: "viewer", readOnly: true, user: { id: team.viewer.id } });
    client.close();
    await expect(CollabTestClient.connect(server.url, {})).rejects.toThrow("unauthorized");
    await expect(CollabTestClient.connect(server.url, { token: "plx_not-a-real-token" })).rejects.toThrow(
      "unauthorized",
    );
  });

  it("answers not_found for unknown documents and documents of other workspaces", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const outsider = await createTestUser();
    const client = await CollabTestClient.connect(server.url, { token: await createTestToken(outsider) });
    await expect(client.join(documentId)).rejects.toMatchObject({ code: "not_found" });
    await expect(client.join("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(client.join("not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    client.close();
  });
});
