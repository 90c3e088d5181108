import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import type { CollabDocument } from "@/lib/collab/collab-document";
import { CollabProvider } from "@/lib/collab/provider";
import { toBytes, toWire } from "@/lib/collab/socket-types";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { setAssessmentArchived } from "../assessments/set-assessment-archived";
import type { Actor } from "../auth/actor";
import { publishMembershipChanged } from "../events/publish-membership-changed";
import { createTestTeam } from "../testing/factories";
import { appendParagraph, documentText, storedDocument, syncStep1 } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

// Edits the server refuses, through the browser provider (lib/collab/) against the real server
// and database: what the user is told, and that the document saves again once they act on it.

const MAX_MESSAGE_BYTES = 64 * 1024;
let server: CollabTestServer;
const providers: CollabProvider[] = [];

beforeAll(async () => {
  server = await startCollabTestServer({ collab: { maxMessageBytes: MAX_MESSAGE_BYTES } });
});
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});
afterAll(async () => {
  await server.close();
});

async function connect(actor: Actor): Promise<CollabProvider> {
  const provider = new CollabProvider({
    url: server.url,
    token: await createTestToken(actor),
    backoff: { minMs: 20, maxMs: 200 },
  });
  providers.push(provider);
  return provider;
}

async function open(actor: Actor | CollabProvider, documentId: string): Promise<CollabDocument> {
  const provider = actor instanceof CollabProvider ? actor : await connect(actor);
  const document = provider.open(documentId);
  await document.whenSynced();
  return document;
}

async function setRole(team: { workspace: { id: string } }, userId: string, role: "analyst" | "viewer") {
  const membership = and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, userId));
  await getDatabase().update(memberships).set({ role }).where(membership);
  await publishMembershipChanged({ workspaceId: team.workspace.id, userId });
}

/** Resolves when the server next sends `provider` a sync step 1 (the end of a join's sync). */
function nextStep1(provider: CollabProvider): Promise<void> {
  return new Promise((resolve) => {
    const handle = (_documentId: string, message: unknown) => {
      if (toBytes(message)?.[0] !== 0) return;
      provider.socket.off("doc:sync", handle);
      resolve();
    };
    provider.socket.on("doc:sync", handle);
  });
}

/**
 * Resolves once the server has handled everything `provider` sent for the document before now
 * (a step 1 is answered in order after earlier messages of the same connection).
 */
async function serverCaughtUp(provider: CollabProvider, document: CollabDocument): Promise<void> {
  const result = await provider.socket.emitWithAck("doc:sync", document.id, toWire(syncStep1(document.doc)));
  expect(result.ok).toBe(true);
}

/** Resolves once `document`'s text equals `text`. */
function textBecomes(document: CollabDocument, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (documentText(document.doc) !== text) return;
      document.doc.off("update", check);
      resolve();
    };
    document.doc.on("update", check);
    check();
  });
}

describe("refused edits", () => {
  it("saves again, and tells the peers, once an edit too large to save is undone", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const ana = await open(team.analyst, documentId);
    const olivia = await open(team.owner, documentId);
    appendParagraph(ana.doc, "before");
    await ana.whenSaved();
    // The editor's undo: it keeps undone content for redo, so the deletion still holds the bytes.
    const undo = new Y.UndoManager(ana.doc.getXmlFragment(EDITOR_FIELD));

    appendParagraph(ana.doc, "rail cars ".repeat(MAX_MESSAGE_BYTES / 8));
    await ana.waitFor((state) => state.error?.code === "message_too_large");
    expect(ana.getSnapshot()).toMatchObject({ status: "not_saved", hasUnsavedChanges: true });

    undo.undo();
    appendParagraph(ana.doc, "after the undo");
    await ana.waitFor((state) => state.status === "saved");
    expect(ana.getSnapshot()).toMatchObject({ error: null, hasUnsavedChanges: false });
    await textBecomes(olivia, "before\nafter the undo");
    expect(documentText(await storedDocument(documentId))).toBe("before\nafter the undo");
  });

  it("refuses edits made offline once the role dropped to viewer, and never sends them, even when the role is back", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const anaProvider = await connect(team.analyst);
    const ana = await open(anaProvider, documentId);
    const olivia = await open(team.owner, documentId);
    appendParagraph(ana.doc, "shared intro");
    await textBecomes(olivia, "shared intro");
    await ana.whenSaved();

    anaProvider.disconnect();
    await ana.waitFor((state) => state.status === "offline");
    appendParagraph(ana.doc, "offline work that matters");
    await setRole(team, team.analyst.id, "viewer");
    anaProvider.connect();
    await ana.waitFor((state) => state.refused !== null);
    expect(ana.getSnapshot()).toMatchObject({
      refused: { reason: "role", role: "viewer", edits: 1 },
      readOnly: true,
      status: "not_saved",
      hasUnsavedChanges: true,
    });

    // The role comes back, and the page reconnects: the refused edit stays out of the document.
    await setRole(team, team.analyst.id, "analyst");
    await ana.waitFor((state) => state.readOnly === false);
    anaProvider.disconnect();
    await ana.waitFor((state) => state.status === "offline");
    const synced = nextStep1(anaProvider);
    anaProvider.connect();
    await synced;
    await serverCaughtUp(anaProvider, ana);
    expect(ana.getSnapshot().refused).toMatchObject({ reason: "locked", role: "analyst" });
    expect(documentText((await open(team.owner, documentId)).doc)).toBe("shared intro");
    expect(documentText(await storedDocument(documentId))).toBe("shared intro");

    await ana.discardRefusedChanges();
    expect(ana.getSnapshot()).toMatchObject({ discarded: true, hasUnsavedChanges: false });
  });

  it("refuses edits made offline while the assessment was archived", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const anaProvider = await connect(team.analyst);
    const ana = await open(anaProvider, documentId);
    appendParagraph(ana.doc, "approved text");
    await ana.whenSaved();

    anaProvider.disconnect();
    await ana.waitFor((state) => state.status === "offline");
    appendParagraph(ana.doc, "an offline rewrite");
    appendParagraph(ana.doc, "and another");
    await setAssessmentArchived({ actor: team.owner, assessmentId: documentId, archived: true });
    anaProvider.connect();
    await ana.waitFor((state) => state.refused !== null);
    expect(ana.getSnapshot()).toMatchObject({
      refused: { reason: "locked", role: "analyst", edits: 2 },
      readOnly: true,
      status: "not_saved",
    });

    // Restored to a writable draft: still nothing of the refused edits is sent.
    await setAssessmentArchived({ actor: team.owner, assessmentId: documentId, archived: false });
    await ana.waitFor((state) => state.readOnly === false);
    await serverCaughtUp(anaProvider, ana);
    expect(documentText((await open(team.owner, documentId)).doc)).toBe("approved text");
    expect(documentText(await storedDocument(documentId))).toBe("approved text");
  });
});
