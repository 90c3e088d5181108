import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { documentSnapshots, documentUpdates, judgementRevisions } from "@/db/schema";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { judgementElement } from "../judgements/judgement-test-helpers";
import { createTestTeam } from "../testing/factories";
import { testPostgresUrl } from "../testing/test-database";
import { CollabTestClient } from "./testing/collab-test-client";
import { appendParagraph, documentText, nextEvent, roundTrip, storedDocument } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";
import { userColor } from "./user-color";

// Tests may read the environment directly (see server/testing/test-database.ts).
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// Two "processes": two Socket.io servers on different ports sharing one PostgreSQL database and
// Redis. Runs wherever PostgreSQL is configured for tests (Redis is expected beside it).
describe.skipIf(!testPostgresUrl())("collaboration across processes (Redis + PostgreSQL)", () => {
  const servers: CollabTestServer[] = [];
  const start = async (reconcileMs: number) => {
    const server = await startCollabTestServer({ redisUrl: REDIS_URL, collab: { reconcileMs } });
    servers.push(server);
    return server;
  };
  const startCollab = async (reconcileMs: number, contentDelayMs: number) => {
    const server = await startCollabTestServer({ redisUrl: REDIS_URL, collab: { reconcileMs, contentDelayMs } });
    servers.push(server);
    return server;
  };
  /** Resolves once `doc` satisfies `done`, checking after each update it applies. */
  const until = (doc: Y.Doc, done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (done()) resolve();
        else doc.once("update", check);
      };
      check();
    });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it("carries edits and presence between processes and stores each update once", async () => {
    // Reconciliation effectively off: everything here must travel through the relay.
    const first = await start(600_000);
    const second = await start(600_000);
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const alice = await CollabTestClient.connect(first.url, { token: await createTestToken(team.owner) });
    const bob = await CollabTestClient.connect(second.url, { token: await createTestToken(team.analyst) });
    const a = await alice.join(documentId);
    const b = await bob.join(documentId);

    let edits = 0;
    for (let index = 0; index < 15; index += 1) {
      appendParagraph(a.doc, `alice ${index}`);
      appendParagraph(b.doc, `bob ${index}`);
      edits += 2;
    }
    await Promise.all([alice.settled(documentId), bob.settled(documentId)]);
    // Each side's last edit reaches the other through the relay; wait for it as an event.
    const expected = documentText(await storedDocument(documentId));
    await Promise.all(
      [a, b].map(
        (entry) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (documentText(entry.doc) === expected) resolve();
              else entry.doc.once("update", check);
            };
            check();
          }),
      ),
    );
    expect(documentText(a.doc).split("\n").sort()).toEqual(expected.split("\n").sort());
    expect(expected.split("\n")).toHaveLength(30);
    // Each edit stored exactly once, by the process that accepted it (rows may merge a commit
    // window's edits of one sender): the stored clock ranges add up to the two writers' clocks.
    const rows = await getDatabase()
      .select({ update: documentUpdates.update })
      .from(documentUpdates)
      .where(eq(documentUpdates.documentId, documentId));
    const storedUnits = rows
      .flatMap((row) => Y.decodeUpdate(row.update).structs)
      .filter((struct) => struct.id.client === a.doc.clientID || struct.id.client === b.doc.clientID)
      .reduce((sum, struct) => sum + struct.length, 0);
    const writtenUnits = [a.doc, b.doc].reduce(
      (sum, doc) => sum + (Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0),
      0,
    );
    expect(storedUnits).toBe(writtenUnits);
    expect(rows.length).toBeLessThanOrEqual(edits);

    const presence = nextEvent<[string, Uint8Array]>(bob, "doc:awareness");
    a.awareness.setLocalState({ user: { name: "Mallory" }, cursor: { anchor: 3, head: 5 } });
    await presence;
    expect(b.awareness.getStates().get(a.awareness.clientID)).toEqual({
      user: { id: team.owner.id, name: team.owner.name, color: userColor(team.owner.id) },
      cursor: { anchor: 3, head: 5 },
    });
    alice.close();
    bob.close();
  });

  it("repairs updates and snapshots the relay never delivered, by reconciling with the log", async () => {
    const first = await start(200);
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const reader = await CollabTestClient.connect(first.url, { token: await createTestToken(team.viewer) });
    const entry = await reader.join(documentId);

    // A row another process committed but whose relay message was lost.
    const elsewhere = new Y.Doc();
    appendParagraph(elsewhere, "only in the log");
    const arrived = new Promise<void>((resolve) => entry.doc.once("update", () => resolve()));
    await getDatabase()
      .insert(documentUpdates)
      .values({ documentId, update: Y.encodeStateAsUpdate(elsewhere), userId: team.analyst.id });
    await arrived;
    expect(documentText(entry.doc)).toBe("only in the log");

    // A row folded into a snapshot (and deleted) by another process's compaction before this
    // process saw it: only the new snapshot carries it.
    appendParagraph(elsewhere, "only in the snapshot");
    const merged = new Promise<void>((resolve) => entry.doc.once("update", () => resolve()));
    await getDatabase()
      .insert(documentSnapshots)
      .values({ documentId, state: Y.encodeStateAsUpdate(elsewhere), version: 1 });
    await merged;
    await roundTrip(reader, documentId);
    expect(documentText(entry.doc)).toBe("only in the log\nonly in the snapshot");
    reader.close();
  });

  it("credits a judgement edit to its sender even when another process saves the change first", async () => {
    // Saves only when the test flushes, reconciliation off: the edit and its credit travel by relay.
    const first = await startCollab(600_000, 600_000);
    const second = await startCollab(600_000, 600_000);
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const owner = await CollabTestClient.connect(first.url, { token: await createTestToken(team.owner) });
    const analyst = await CollabTestClient.connect(second.url, { token: await createTestToken(team.analyst) });
    const o = await owner.join(documentId);
    const a = await analyst.join(documentId);
    const judgement = judgementElement("Shipments are likely to continue.", { id: "jdg_relay" });
    a.doc.getXmlFragment(EDITOR_FIELD).insert(0, [judgement]);
    appendParagraph(a.doc, "Scope.");
    await analyst.settled(documentId);
    await second.sockets.collab.flush();
    await until(o.doc, () => documentText(o.doc).includes("Scope."));

    // The owner types in the paragraph (first process) while the analyst edits the judgement
    // (second process); the first process saves first, the analyst's edit arriving by relay.
    const statementOf = (doc: Y.Doc) => (doc.getXmlFragment(EDITOR_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const paragraphOf = (doc: Y.Doc) => (doc.getXmlFragment(EDITOR_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    paragraphOf(o.doc).insert(0, "Draft. ");
    statementOf(a.doc).insert(0, "Rail ");
    await Promise.all([owner.settled(documentId), analyst.settled(documentId)]);
    await until(o.doc, () => statementOf(o.doc).toString().startsWith("Rail "));
    await first.sockets.collab.flush();
    await second.sockets.collab.flush();
    const revisions = await getDatabase()
      .select({ statement: judgementRevisions.statement, editorIds: judgementRevisions.editorIds })
      .from(judgementRevisions)
      .where(eq(judgementRevisions.assessmentId, documentId))
      .orderBy(asc(judgementRevisions.id));
    expect(revisions).toEqual([
      { statement: "Shipments are likely to continue.", editorIds: [team.analyst.id] },
      { statement: "Rail Shipments are likely to continue.", editorIds: [team.analyst.id] },
    ]);
    owner.close();
    analyst.close();
  });
});
