import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decodeAnchor, encodeAnchor } from "@/lib/editor/comment-anchors";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { restoredRange } from "@/lib/editor/restored-anchors";
import { CollabTestClient } from "../collab/testing/collab-test-client";
import { firstParagraphText, roundTrip, storedDocument } from "../collab/testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { getEventBus } from "../events/event-bus";
import { createTestTeam } from "../testing/factories";
import { auditActions, commentApi, tokensOf } from "./comment-test-helpers";

// Undoing the deletion of commented text, with real Yjs clients through the collaboration
// server: Yjs restores the text as new items and links the old ones only in the undoing copy,
// so without a repair every other copy (and a fresh load) finds the thread's text deleted.

const PARAGRAPH = "The depot at Tikhoretsk is crucial for handling munitions from North Korea.";
const PHRASE = "crucial for handling";

let server: CollabTestServer;
beforeAll(async () => {
  server = await startCollabTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The text a thread's anchors enclose in `doc`, as a copy without undo links places them; null when detached. */
function anchoredText(doc: Y.Doc, thread: { anchorStart: string; anchorEnd: string }): string | null {
  const start = decodeAnchor(thread.anchorStart);
  const end = decodeAnchor(thread.anchorEnd);
  const from = start && Y.createAbsolutePositionFromRelativePosition(start, doc, false);
  const to = end && Y.createAbsolutePositionFromRelativePosition(end, doc, false);
  if (!from || !to || from.type !== to.type || from.index >= to.index) return null;
  return (from.type as Y.XmlText).toString().slice(from.index, to.index);
}

/**
 * An analyst's client A and a reviewer's client B on one document; B comments on the phrase
 * (anchored as the editor anchors it), A deletes it and undoes the deletion.
 */
async function deletedAndUndone() {
  const team = await createTestTeam();
  const documentId = await createTestDocument(team.workspace.id);
  const tokens = await tokensOf({ analyst: team.analyst, reviewer: team.reviewer, owner: team.owner });
  const a = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
  const b = await CollabTestClient.connect(server.url, { token: await createTestToken(team.reviewer) });
  const docA = (await a.join(documentId)).doc;
  firstParagraphText(docA).insert(0, PARAGRAPH);
  await a.settled(documentId);
  const docB = (await b.join(documentId)).doc;
  const textB = firstParagraphText(docB);
  const at = PARAGRAPH.indexOf(PHRASE);
  const created = await commentApi.create(documentId, tokens.reviewer, {
    anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(textB, at, 0)),
    anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(textB, at + PHRASE.length, -1)),
    quote: PHRASE,
    body: "Is this sourced?",
  });
  expect(created.status).toBe(201);

  const undo = new Y.UndoManager(docA.getXmlFragment(EDITOR_FIELD));
  firstParagraphText(docA).delete(at, PHRASE.length);
  await a.settled(documentId);
  undo.undo();
  await a.settled(documentId);
  await roundTrip(b, documentId);
  expect(firstParagraphText(docB).toString()).toBe(PARAGRAPH);
  return { team, tokens, documentId, a, b, docA, docB, thread: created.body };
}

/** What A's page sends: anchors on the restored text, and the ones they replace. */
function repairOf(doc: Y.Doc, thread: { anchorStart: string; anchorEnd: string }) {
  const start = decodeAnchor(thread.anchorStart);
  const end = decodeAnchor(thread.anchorEnd);
  if (!start || !end) throw new Error("undecodable anchor");
  const restored = restoredRange(doc, doc.getXmlFragment(EDITOR_FIELD), { start, end });
  if (!restored) return null;
  return {
    anchorStart: encodeAnchor(restored.start),
    anchorEnd: encodeAnchor(restored.end),
    previousAnchorStart: thread.anchorStart,
    previousAnchorEnd: thread.anchorEnd,
  };
}

describe("a thread on text whose deletion was undone", () => {
  it("is re-anchored by the undoing client, so the other client and a fresh load find the restored text", async () => {
    const { tokens, documentId, a, b, docA, docB, thread } = await deletedAndUndone();
    // Before the repair the other copy and the stored document cannot place the thread.
    expect(anchoredText(docB, thread)).toBeNull();

    // What A's page does after the undo: it alone can tell the text was restored, so it repairs.
    const repair = repairOf(docA, thread);
    if (repair) {
      const response = await commentApi.reanchor(documentId, thread.id, tokens.analyst, repair);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: thread.id, quote: PHRASE, status: "open" });
    }

    const [listed] = (await commentApi.list(documentId, tokens.reviewer)).body;
    expect(anchoredText(docB, listed)).toBe(PHRASE);
    const fresh = await storedDocument(documentId);
    expect(anchoredText(fresh, listed)).toBe(PHRASE);
    // The repaired anchor needs no further repair in the undoing copy either.
    expect(repairOf(docA, listed)).toBeNull();
    a.close();
    b.close();
  });

  it("lets only one of two concurrent repairs through and refuses a stale one; the text is still where all agree", async () => {
    const { tokens, documentId, a, b, docA, docB, thread, team } = await deletedAndUndone();
    const repair = repairOf(docA, thread);
    const answers = await Promise.all([
      commentApi.reanchor(documentId, thread.id, tokens.analyst, repair),
      commentApi.reanchor(documentId, thread.id, tokens.owner, repair),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body.error.code).toBe("conflict:comment_thread_anchor");
    // A repair based on the anchor that was replaced changes nothing.
    const stale = await commentApi.reanchor(documentId, thread.id, tokens.analyst, {
      ...repair,
      anchorStart: thread.anchorEnd,
    });
    expect(stale.status).toBe(409);
    const [listed] = (await commentApi.list(documentId, tokens.reviewer)).body;
    expect(listed).toMatchObject({ anchorStart: repair?.anchorStart, anchorEnd: repair?.anchorEnd });
    expect(anchoredText(docB, listed)).toBe(PHRASE);
    expect(await auditActions(team.workspace.id)).toEqual([
      { action: "comment_thread.created", targetId: thread.id },
      { action: "comment_thread.reanchored", targetId: thread.id },
    ]);
    a.close();
    b.close();
  });

  it("refuses readers, anchors outside the document and threads whose text was never deleted", async () => {
    const { tokens, documentId, a, b, docA, thread } = await deletedAndUndone();
    const repair = repairOf(docA, thread);
    if (!repair) throw new Error("no repair");
    const refused = await commentApi.reanchor(documentId, thread.id, tokens.reviewer, repair);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden:comment_thread");

    const elsewhere = new Y.Doc();
    const foreign = new Y.XmlText("Somewhere else entirely");
    elsewhere.getXmlFragment(EDITOR_FIELD).insert(0, [foreign]);
    const outside = await commentApi.reanchor(documentId, thread.id, tokens.analyst, {
      ...repair,
      anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(foreign, 2, 0)),
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.anchorStart).toEqual(["The anchor start is not in this document's text."]);
    const reversed = await commentApi.reanchor(documentId, thread.id, tokens.analyst, {
      ...repair,
      anchorStart: repair.anchorEnd,
      anchorEnd: repair.anchorStart,
    });
    expect(reversed.status).toBe(400);

    const events: unknown[] = [];
    const unsubscribe = getEventBus().subscribe("comments.changed", (event) => {
      events.push(event);
    });
    try {
      expect((await commentApi.reanchor(documentId, thread.id, tokens.analyst, repair)).status).toBe(200);
      await expect
        .poll(() => events)
        .toEqual([{ type: "comments.changed", assessmentId: documentId, threadId: thread.id }]);
    } finally {
      unsubscribe();
    }
    // Now anchored to live text: moving it again (anywhere) is refused.
    const [listed] = (await commentApi.list(documentId, tokens.analyst)).body;
    const again = await commentApi.reanchor(documentId, thread.id, tokens.analyst, {
      ...repair,
      previousAnchorStart: listed.anchorStart,
      previousAnchorEnd: listed.anchorEnd,
    });
    expect(again.status).toBe(409);
    a.close();
    b.close();
  });
});
