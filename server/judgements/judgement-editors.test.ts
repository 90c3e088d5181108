import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { judgementRevisions } from "@/db/schema";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { insertUpdateRows } from "../collab/insert-update-rows";
import { reconcileDocuments } from "../collab/reconcile-documents";
import { CollabTestClient } from "../collab/testing/collab-test-client";
import { roundTrip } from "../collab/testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { reviewJudgement } from "../reviews/review-judgement";
import { createTestTeam } from "../testing/factories";
import { judgementElement, judgementRows } from "./judgement-test-helpers";

const servers: CollabTestServer[] = [];
const clients: CollabTestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** The text of the block at `index` of the editor fragment (a paragraph's or a judgement's). */
function textAt(doc: Y.Doc, index: number): Y.XmlText {
  return (doc.getXmlFragment(EDITOR_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

async function revisionsOf(assessmentId: string, judgementId: string) {
  return getDatabase()
    .select({
      judgementId: judgementRevisions.judgementId,
      statement: judgementRevisions.statement,
      editorIds: judgementRevisions.editorIds,
    })
    .from(judgementRevisions)
    .where(and(eq(judgementRevisions.assessmentId, assessmentId), eq(judgementRevisions.judgementId, judgementId)))
    .orderBy(asc(judgementRevisions.id));
}

/**
 * A document the analyst wrote (a paragraph, then judgements `jdg_a` and `jdg_b`, then a
 * paragraph), open for the owner and the analyst on one server whose derived copy is saved only
 * when the test says so: every edit between two `save()` calls is in one save window.
 */
async function coEditedDocument() {
  const team = await createTestTeam();
  const documentId = await createTestDocument(team.workspace.id);
  const server = await startCollabTestServer({ collab: { contentDelayMs: 60_000 } });
  servers.push(server);
  const analyst = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
  const owner = await CollabTestClient.connect(server.url, { token: await createTestToken(team.owner) });
  clients.push(analyst, owner);
  const analystDoc = (await analyst.join(documentId)).doc;
  const ownerDoc = (await owner.join(documentId)).doc;
  analystDoc
    .getXmlFragment(EDITOR_FIELD)
    .insert(0, [
      paragraph("Scope of this assessment."),
      judgementElement("Tikhoretsk is likely to remain crucial.", { id: "jdg_a", likelihood: "likely" }),
      judgementElement("The depot will expand.", { id: "jdg_b", likelihood: "unlikely" }),
      paragraph("Rail cars were counted on imagery."),
    ]);
  const save = async () => {
    await Promise.all([analyst.settled(documentId), owner.settled(documentId)]);
    await server.sockets.collab.flush();
    await Promise.all([roundTrip(analyst, documentId), roundTrip(owner, documentId)]);
  };
  await save();
  return { ...team, documentId, server, analystDoc, ownerDoc, save };
}

describe("who edited a judgement", () => {
  it("credits only the user who edited the judgement, not a co-editor typing elsewhere in the same save", async () => {
    const f = await coEditedDocument();
    // One save window: the owner types in the first paragraph, the analyst edits jdg_a.
    textAt(f.ownerDoc, 0).insert(0, "Draft. ");
    textAt(f.analystDoc, 1).insert(textAt(f.analystDoc, 1).length, " for munitions.");
    await f.save();
    expect(await revisionsOf(f.documentId, "jdg_a")).toEqual([
      { judgementId: "jdg_a", statement: "Tikhoretsk is likely to remain crucial.", editorIds: [f.analyst.id] },
      {
        judgementId: "jdg_a",
        statement: "Tikhoretsk is likely to remain crucial. for munitions.",
        editorIds: [f.analyst.id],
      },
    ]);
    expect((await judgementRows(f.documentId)).map((row) => [row.id, row.authorIds])).toEqual([
      ["jdg_a", [f.analyst.id]],
      ["jdg_b", [f.analyst.id]],
    ]);
    // The owner never edited jdg_a: their approval is accepted.
    await expect(
      reviewJudgement({ actor: f.owner, assessmentId: f.documentId, judgementId: "jdg_a", verdict: "approved" }),
    ).resolves.toMatchObject({ verdict: "approved", notCountedReason: null });
  });

  it("credits the owner who edited a judgement while the analyst typed elsewhere, and refuses the owner's approval", async () => {
    const f = await coEditedDocument();
    textAt(f.analystDoc, 3).insert(0, "Note: ");
    (f.ownerDoc.getXmlFragment(EDITOR_FIELD).get(2) as Y.XmlElement).setAttribute("likelihood", "roughly_even_chance");
    await f.save();
    expect((await revisionsOf(f.documentId, "jdg_b")).map((row) => row.editorIds)).toEqual([
      [f.analyst.id],
      [f.owner.id],
    ]);
    // jdg_a did not change: no revision, and nobody new is credited with it.
    expect((await revisionsOf(f.documentId, "jdg_a")).map((row) => row.editorIds)).toEqual([[f.analyst.id]]);
    await expect(
      reviewJudgement({ actor: f.owner, assessmentId: f.documentId, judgementId: "jdg_b", verdict: "approved" }),
    ).rejects.toMatchObject({ code: "forbidden:self_approval" });
    await expect(
      reviewJudgement({ actor: f.owner, assessmentId: f.documentId, judgementId: "jdg_a", verdict: "approved" }),
    ).resolves.toMatchObject({ verdict: "approved" });
  });

  it("credits a user who only deleted text inside a judgement", async () => {
    const f = await coEditedDocument();
    textAt(f.analystDoc, 0).insert(0, "Draft. ");
    // "Tikhoretsk is likely to remain crucial." loses " to remain crucial".
    textAt(f.ownerDoc, 1).delete(20, 18);
    await f.save();
    expect(await revisionsOf(f.documentId, "jdg_a")).toMatchObject([
      { editorIds: [f.analyst.id] },
      { statement: "Tikhoretsk is likely.", editorIds: [f.owner.id] },
    ]);
    await expect(
      reviewJudgement({ actor: f.owner, assessmentId: f.documentId, judgementId: "jdg_a", verdict: "approved" }),
    ).rejects.toMatchObject({ code: "forbidden:self_approval" });
  });

  it("credits the user who merged a paragraph into a judgement, and not the one who deleted another judgement", async () => {
    const f = await coEditedDocument();
    // The owner joins the last paragraph onto jdg_b (Backspace at its start), as the editor
    // binding writes it: the text moves into the judgement and the paragraph goes.
    f.ownerDoc.transact(() => {
      const statement = textAt(f.ownerDoc, 2);
      statement.insert(statement.length, " Rail cars were counted on imagery.");
      f.ownerDoc.getXmlFragment(EDITOR_FIELD).delete(3, 1);
    });
    // In the same window the analyst deletes jdg_a whole.
    f.analystDoc.getXmlFragment(EDITOR_FIELD).delete(1, 1);
    await f.save();
    expect(await revisionsOf(f.documentId, "jdg_b")).toMatchObject([
      { editorIds: [f.analyst.id] },
      { statement: "The depot will expand. Rail cars were counted on imagery.", editorIds: [f.owner.id] },
    ]);
    expect((await judgementRows(f.documentId)).map((row) => [row.id, row.authorIds])).toEqual([
      ["jdg_b", [f.analyst.id, f.owner.id]],
    ]);
  });

  it("credits the creator of a pasted judgement block, not the co-editor", async () => {
    const f = await coEditedDocument();
    textAt(f.analystDoc, 1).format(0, 10, { bold: true });
    const fragment = f.ownerDoc.getXmlFragment(EDITOR_FIELD);
    fragment.insert(fragment.length, [
      judgementElement("Shipments are likely to continue.", { id: "jdg_pasted", likelihood: "likely" }),
    ]);
    await f.save();
    expect(await revisionsOf(f.documentId, "jdg_pasted")).toEqual([
      { judgementId: "jdg_pasted", statement: "Shipments are likely to continue.", editorIds: [f.owner.id] },
    ]);
    await expect(
      reviewJudgement({ actor: f.owner, assessmentId: f.documentId, judgementId: "jdg_pasted", verdict: "approved" }),
    ).rejects.toMatchObject({ code: "forbidden:self_approval" });
  });

  it("credits the sender stored with an update row that reaches the document by reconciliation", async () => {
    const f = await coEditedDocument();
    // Another process accepted the analyst's edit of jdg_a and stored it; its relay message was
    // lost, so this process gets it from the log, while the owner types here.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(f.analystDoc));
    const before = Y.encodeStateVector(elsewhere);
    textAt(elsewhere, 1).insert(0, "Still: ");
    await insertUpdateRows([
      { documentId: f.documentId, update: Y.encodeStateAsUpdate(elsewhere, before), userId: f.analyst.id },
    ]);
    textAt(f.ownerDoc, 0).insert(0, "Draft. ");
    await reconcileDocuments(f.server.sockets.collab.registry.loaded());
    await f.save();
    expect(await revisionsOf(f.documentId, "jdg_a")).toMatchObject([
      { editorIds: [f.analyst.id] },
      { statement: "Still: Tikhoretsk is likely to remain crucial.", editorIds: [f.analyst.id] },
    ]);
  });
});
