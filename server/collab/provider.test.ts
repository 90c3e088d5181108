import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { CollabStatus } from "@/lib/collab/document-state";
import { COLLAB_NAMESPACE, DOCUMENT_CHANGE_KINDS, type DocumentChange } from "@/lib/collab/protocol";
import { CollabProvider } from "@/lib/collab/provider";
import { toBytes } from "@/lib/collab/socket-types";
import type { Actor } from "../auth/actor";
import { publishMembershipChanged } from "../events/publish-membership-changed";
import { createTestTeam } from "../testing/factories";
import type { InsertUpdateRows } from "./insert-update-rows";
import { insertUpdateRows } from "./insert-update-rows";
import { appendParagraph, deferred, documentText, storedDocument } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

// The browser provider (lib/collab/provider.ts) against the real collaboration server and
// database: what the editor relies on for "Saving… / Saved", offline editing and read-only roles.

let server: CollabTestServer;
// Lets a test hold commits back, to see what the provider reports between apply and commit, or
// make them fail the way an unreachable database does.
let commitGate: Promise<void> | null = null;
let databaseDown = false;
const gatedInsert: InsertUpdateRows = async (rows) => {
  if (commitGate) await commitGate;
  if (databaseDown) throw new Error("connect ECONNREFUSED (simulated outage)");
  return insertUpdateRows(rows);
};
const providers: CollabProvider[] = [];

beforeAll(async () => {
  // Small sync chunks, so that a modest document already arrives in pieces.
  server = await startCollabTestServer({ insertRows: gatedInsert, collab: { syncChunkBytes: 16 * 1024 } });
});
afterEach(() => {
  commitGate = null;
  databaseDown = false;
  for (const provider of providers.splice(0)) provider.destroy();
});
afterAll(async () => {
  await server.close();
});

/** A provider authenticated as `actor`, with short retry delays so tests stay quick. */
async function connect(actor: Actor): Promise<CollabProvider> {
  const provider = new CollabProvider({
    url: server.url,
    token: await createTestToken(actor),
    backoff: { minMs: 20, maxMs: 200 },
  });
  providers.push(provider);
  return provider;
}

/** Opens a document and waits until the server's copy has arrived. */
async function open(provider: CollabProvider, documentId: string): Promise<CollabDocument> {
  const document = provider.open(documentId);
  await document.whenSynced();
  return document;
}

/** Every status a document passes through from now on. */
function recordStatuses(document: CollabDocument): CollabStatus[] {
  const seen: CollabStatus[] = [document.getSnapshot().status];
  document.subscribe(() => {
    const { status } = document.getSnapshot();
    if (seen.at(-1) !== status) seen.push(status);
  });
  return seen;
}

/** Resolves once `document`'s text equals `text` (or satisfies it, given a predicate). */
function textBecomes(document: CollabDocument, text: string | ((text: string) => boolean)): Promise<void> {
  const matches = typeof text === "string" ? (value: string) => value === text : text;
  return new Promise((resolve) => {
    const check = () => {
      if (!matches(documentText(document.doc))) return;
      document.doc.off("update", check);
      resolve();
    };
    document.doc.on("update", check);
    check();
  });
}

describe("collaboration provider", () => {
  it("keeps two providers' copies identical, and the stored document equals them", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(await connect(team.analyst), documentId);
    const olivia = await open(await connect(team.owner), documentId);

    appendParagraph(ana.doc, "Tikhoretsk is likely to remain crucial.");
    appendParagraph(olivia.doc, "About 50 rail cars in April 2024.");
    await Promise.all([ana.whenSaved(), olivia.whenSaved()]);
    const both = "Tikhoretsk is likely to remain crucial.\nAbout 50 rail cars in April 2024.";
    const other = "About 50 rail cars in April 2024.\nTikhoretsk is likely to remain crucial.";
    await Promise.race([
      Promise.all([textBecomes(ana, both), textBecomes(olivia, both)]),
      Promise.all([textBecomes(ana, other), textBecomes(olivia, other)]),
    ]);

    expect(documentText(ana.doc)).toBe(documentText(olivia.doc));
    expect(documentText(await storedDocument(documentId))).toBe(documentText(ana.doc));
    expect(ana.getSnapshot()).toMatchObject({ status: "saved", readOnly: false, role: "analyst" });
    // Presence: each sees both people, named by the server.
    await ana.waitFor((state) => state.people.length === 2);
    expect(ana.getSnapshot().people.map((person) => [person.name, person.isSelf])).toEqual([
      ["Ana Analyst", true],
      ["Olivia Owner", false],
    ]);
  });

  it("follows a document opened without presence while showing its reader to nobody", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(await connect(team.analyst), documentId);
    // A History page: it hears the document's changes, but its reader is not in the text.
    const follower = (await connect(team.owner)).open(documentId, { presence: false });
    const changes: DocumentChange[] = [];
    follower.onChange((change) => changes.push(change));
    await follower.whenSynced();
    expect(changes.map((change) => change.kind)).toEqual([...DOCUMENT_CHANGE_KINDS]);
    expect(follower.awareness.getLocalState()).toBeNull();
    // The follower's edit reaches Ana after anything it sent before: presence would be there by now.
    appendParagraph(follower.doc, "Written from the follower");
    await textBecomes(ana, "Written from the follower");
    expect(ana.getSnapshot().people.map((person) => person.name)).toEqual(["Ana Analyst"]);
    await follower.waitFor((state) => state.people.length === 1);
    expect(follower.getSnapshot().people.map((person) => person.name)).toEqual(["Ana Analyst"]);
  });

  it("reassembles a document that arrives in chunks", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(await connect(team.analyst), documentId);
    const paragraphs = Array.from({ length: 40 }, (_, index) => `Observation ${index}: ${"rail cars ".repeat(200)}`);
    for (const paragraph of paragraphs) appendParagraph(ana.doc, paragraph);
    await ana.whenSaved();

    const oliviaProvider = await connect(team.owner);
    const pieces: number[] = [];
    oliviaProvider.socket.on("doc:sync-chunk", (_documentId, chunk) => {
      pieces.push(toBytes(chunk.bytes)?.byteLength ?? -1);
    });
    const olivia = await open(oliviaProvider, documentId);
    expect(documentText(olivia.doc)).toBe(paragraphs.join("\n"));
    // Each piece carries its own slice: the whole message once, not once per piece.
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(16 * 1024);
  });

  it("merges edits made while disconnected once the connection is back", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const anaProvider = await connect(team.analyst);
    const ana = await open(anaProvider, documentId);
    const olivia = await open(await connect(team.owner), documentId);
    appendParagraph(ana.doc, "shared start");
    await textBecomes(olivia, "shared start");

    anaProvider.disconnect();
    await ana.waitFor((state) => state.status === "offline");
    appendParagraph(ana.doc, "written offline");
    appendParagraph(olivia.doc, "written online meanwhile");
    await olivia.whenSaved();
    expect(ana.getSnapshot()).toMatchObject({ status: "offline", hasUnsavedChanges: true });
    expect(documentText(olivia.doc)).not.toContain("written offline");

    anaProvider.connect();
    await ana.waitFor((state) => state.status === "saved");
    const merged = documentText(ana.doc);
    expect(merged.split("\n").sort()).toEqual(["shared start", "written offline", "written online meanwhile"].sort());
    await textBecomes(olivia, merged);
    expect(documentText(await storedDocument(documentId))).toBe(merged);
  });

  it("reports saving until the server acknowledges the commit, and saved only after it", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(await connect(team.analyst), documentId);
    await ana.whenSaved();
    const statuses = recordStatuses(ana);
    const gate = deferred();
    commitGate = gate.promise;

    appendParagraph(ana.doc, "held back by the database");
    await ana.waitFor((state) => state.status === "saving");
    // Give the server every chance to ack early: it must not, while the commit is held.
    const olivia = await open(await connect(team.owner), documentId);
    await textBecomes(olivia, "held back by the database");
    expect(ana.getSnapshot()).toMatchObject({ status: "saving", hasUnsavedChanges: true });
    expect(documentText(await storedDocument(documentId))).toBe("");

    gate.resolve();
    await ana.waitFor((state) => state.status === "saved");
    expect(statuses).toEqual(["live", "saving", "saved"]);
    expect(documentText(await storedDocument(documentId))).toBe("held back by the database");
  });

  it("shows not saved while the database is unavailable, then saved once it is back", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(await connect(team.analyst), documentId);
    databaseDown = true;

    appendParagraph(ana.doc, "typed during an outage");
    await ana.waitFor((state) => state.status === "not_saved");
    expect(ana.getSnapshot().hasUnsavedChanges).toBe(true);
    databaseDown = false;
    await ana.waitFor((state) => state.status === "saved");
    expect(documentText(await storedDocument(documentId))).toBe("typed during an outage");
  });

  it("refuses a read-only role's edits, says so, and never passes them on", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(await connect(team.analyst), documentId);
    appendParagraph(ana.doc, "the analyst's text");
    await ana.whenSaved();
    const vic = await open(await connect(team.viewer), documentId);
    await textBecomes(vic, "the analyst's text");
    expect(vic.getSnapshot()).toMatchObject({ readOnly: true, role: "viewer", status: "live" });

    appendParagraph(vic.doc, "a viewer's attempt");
    await vic.waitFor((state) => state.error?.code === "forbidden");
    expect(vic.getSnapshot()).toMatchObject({ status: "not_saved", hasUnsavedChanges: true, readOnly: true });

    // A later edit by the analyst arrives; the viewer's never does, and is not stored.
    appendParagraph(ana.doc, "more from the analyst");
    await ana.whenSaved();
    await textBecomes(vic, (text) => text.includes("more from the analyst"));
    expect(documentText(ana.doc)).toBe("the analyst's text\nmore from the analyst");
    expect(documentText(await storedDocument(documentId))).toBe("the analyst's text\nmore from the analyst");
  });

  it("reconnects by itself after the server drops the connection, and resends what was unconfirmed", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(await connect(team.analyst), documentId);
    appendParagraph(ana.doc, "before the drop");
    await ana.whenSaved();

    // A server-side disconnect is one Socket.io itself never reconnects from.
    for (const socket of server.sockets.io.of(COLLAB_NAMESPACE).sockets.values()) {
      if (socket.data.actor?.id === team.analyst.id) socket.disconnect(true);
    }
    await ana.waitFor((state) => state.status === "offline");
    appendParagraph(ana.doc, "during the drop");
    await ana.waitFor((state) => state.status === "saved");
    expect(documentText(await storedDocument(documentId))).toBe("before the drop\nduring the drop");
  });

  it("reports every kind of change once each join is confirmed, the first one included", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const document = (await connect(team.analyst)).open(documentId);
    // A view loads comments and reviews over REST while the join is still under way; whatever
    // changed in between was never announced to it, so the join reports a catch-up of each kind.
    const changes: DocumentChange[] = [];
    let waiter = () => {};
    document.onChange((change) => {
      changes.push(change);
      waiter();
    });
    const untilChanges = (count: number) =>
      new Promise<void>((resolve) => {
        waiter = () => changes.length >= count && resolve();
        waiter();
      });
    await document.whenSynced();
    const catchUp = DOCUMENT_CHANGE_KINDS.map((kind) => ({ kind, catchUp: true }));
    expect(changes).toEqual(catchUp);

    for (const socket of server.sockets.io.of(COLLAB_NAMESPACE).sockets.values()) {
      if (socket.data.actor?.id === team.analyst.id) socket.disconnect(true);
    }
    await document.waitFor((state) => state.status === "offline");
    await untilChanges(2 * catchUp.length);
    expect(changes).toEqual([...catchUp, ...catchUp]);
  });

  it("turns read-only live when the role drops to viewer, and closes when the member is removed", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(await connect(team.analyst), documentId);
    const membership = and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.analyst.id));

    await getDatabase().update(memberships).set({ role: "viewer" }).where(membership);
    await publishMembershipChanged({ workspaceId: team.workspace.id, userId: team.analyst.id });
    await ana.waitFor((state) => state.readOnly === true);
    expect(ana.getSnapshot()).toMatchObject({ role: "viewer", status: "live" });

    await getDatabase().delete(memberships).where(membership);
    await publishMembershipChanged({ workspaceId: team.workspace.id, userId: team.analyst.id });
    await ana.waitFor((state) => state.status === "closed");
    expect(ana.getSnapshot().closedReason).toBe("access_revoked");
  });
});
