import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CollabDocument } from "@/lib/collab/collab-document";
import { CollabProvider } from "@/lib/collab/provider";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import type { Actor } from "../auth/actor";
import { createTestTeam } from "../testing/factories";
import { appendParagraph, documentText, storedDocument } from "./testing/collab-test-helpers";
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

async function open(actor: Actor, documentId: string): Promise<CollabDocument> {
  const provider = new CollabProvider({
    url: server.url,
    token: await createTestToken(actor),
    backoff: { minMs: 20, maxMs: 200 },
  });
  providers.push(provider);
  const document = provider.open(documentId);
  await document.whenSynced();
  return document;
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
});
